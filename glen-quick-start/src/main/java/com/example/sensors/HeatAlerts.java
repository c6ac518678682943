package com.example.sensors;

import io.glen.spring.data.event.GlenDocumentSavedEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

@Component
public class HeatAlerts {

    final List<Reading> alerts = new CopyOnWriteArrayList<>();

    @EventListener(condition = "#event.collection == 'readings'")
    void onSaved(GlenDocumentSavedEvent event) {
        Reading reading = event.getValueAs(Reading.class);
        if (reading.celsius() > 30) {
            alerts.add(reading);
        }
    }
}
