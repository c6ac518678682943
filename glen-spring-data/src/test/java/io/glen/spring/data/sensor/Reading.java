package io.glen.spring.data.sensor;

import io.glen.spring.data.core.mapping.CompoundIndex;
import io.glen.spring.data.core.mapping.Document;
import io.glen.spring.data.core.mapping.Indexed;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;

/** A sensor reading: the entity of the tests that run on plain Spring, without Spring Boot. */
@Document("readings")
@CompoundIndex(name = "by_sensor_value", fields = {"sensor", "value"})
public class Reading {

    @Id
    private String id;

    @Version
    private Long version;

    @Indexed
    private String sensor;

    private double value;

    @Indexed
    private Instant at;

    private String status;

    public Reading() {
    }

    public Reading(String id, String sensor, double value, Instant at) {
        this.id = id;
        this.sensor = sensor;
        this.value = value;
        this.at = at;
        this.status = "NEW";
    }

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public Long getVersion() { return version; }
    public void setVersion(Long version) { this.version = version; }
    public String getSensor() { return sensor; }
    public void setSensor(String sensor) { this.sensor = sensor; }
    public double getValue() { return value; }
    public void setValue(double value) { this.value = value; }
    public Instant getAt() { return at; }
    public void setAt(Instant at) { this.at = at; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }

    @Override
    public String toString() {
        return "Reading[" + id + " v" + version + " " + sensor + "=" + value + " " + status + "]";
    }
}
