package io.glen.spring.data.core.convert;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;

/**
 * How Glen stores types it has no value kind for. Chosen so that stored values keep the natural
 * order of the Java values, which range queries and sorting rely on:
 * <ul>
 *   <li>{@link Instant}, {@link Date}, {@link OffsetDateTime}, {@link ZonedDateTime}: a UTC
 *       ISO-8601 string with exactly nine fraction digits ({@code 2026-11-23T10:15:30.000000000Z});
 *       offsets and zones are normalized to UTC.</li>
 *   <li>{@link LocalDateTime}, {@link LocalDate}, {@link LocalTime}: fixed-width ISO strings.</li>
 *   <li>{@link Duration}: an int of nanoseconds.</li>
 *   <li>{@link BigDecimal}: a float; exact for values of up to 15 significant digits (read back
 *       with {@code BigDecimal.valueOf}), ordered numerically.</li>
 *   <li>{@link UUID}: its string.</li>
 * </ul>
 */
final class GlenConverters {

    private static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter LOCAL_DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS");
    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSSSSS");

    private GlenConverters() {
    }

    static List<Object> all() {
        return List.of(InstantToString.INSTANCE, StringToInstant.INSTANCE, DateToString.INSTANCE,
                StringToDate.INSTANCE, OffsetDateTimeToString.INSTANCE, StringToOffsetDateTime.INSTANCE,
                ZonedDateTimeToString.INSTANCE, StringToZonedDateTime.INSTANCE, LocalDateTimeToString.INSTANCE,
                StringToLocalDateTime.INSTANCE, LocalDateToString.INSTANCE, StringToLocalDate.INSTANCE,
                LocalTimeToString.INSTANCE, StringToLocalTime.INSTANCE, DurationToLong.INSTANCE, LongToDuration.INSTANCE,
                BigDecimalToDouble.INSTANCE, DoubleToBigDecimal.INSTANCE, UuidToString.INSTANCE, StringToUuid.INSTANCE);
    }

    @WritingConverter
    enum InstantToString implements Converter<Instant, String> {
        INSTANCE;

        @Override
        public String convert(Instant source) {
            return INSTANT.format(source);
        }
    }

    @ReadingConverter
    enum StringToInstant implements Converter<String, Instant> {
        INSTANCE;

        @Override
        public Instant convert(String source) {
            return Instant.parse(source);
        }
    }

    @WritingConverter
    enum DateToString implements Converter<Date, String> {
        INSTANCE;

        @Override
        public String convert(Date source) {
            return INSTANT.format(source.toInstant());
        }
    }

    @ReadingConverter
    enum StringToDate implements Converter<String, Date> {
        INSTANCE;

        @Override
        public Date convert(String source) {
            return Date.from(Instant.parse(source));
        }
    }

    @WritingConverter
    enum OffsetDateTimeToString implements Converter<OffsetDateTime, String> {
        INSTANCE;

        @Override
        public String convert(OffsetDateTime source) {
            return INSTANT.format(source.toInstant());
        }
    }

    @ReadingConverter
    enum StringToOffsetDateTime implements Converter<String, OffsetDateTime> {
        INSTANCE;

        @Override
        public OffsetDateTime convert(String source) {
            return Instant.parse(source).atOffset(ZoneOffset.UTC);
        }
    }

    @WritingConverter
    enum ZonedDateTimeToString implements Converter<ZonedDateTime, String> {
        INSTANCE;

        @Override
        public String convert(ZonedDateTime source) {
            return INSTANT.format(source.toInstant());
        }
    }

    @ReadingConverter
    enum StringToZonedDateTime implements Converter<String, ZonedDateTime> {
        INSTANCE;

        @Override
        public ZonedDateTime convert(String source) {
            return Instant.parse(source).atZone(ZoneOffset.UTC);
        }
    }

    @WritingConverter
    enum LocalDateTimeToString implements Converter<LocalDateTime, String> {
        INSTANCE;

        @Override
        public String convert(LocalDateTime source) {
            return LOCAL_DATE_TIME.format(source);
        }
    }

    @ReadingConverter
    enum StringToLocalDateTime implements Converter<String, LocalDateTime> {
        INSTANCE;

        @Override
        public LocalDateTime convert(String source) {
            return LocalDateTime.parse(source);
        }
    }

    @WritingConverter
    enum LocalDateToString implements Converter<LocalDate, String> {
        INSTANCE;

        @Override
        public String convert(LocalDate source) {
            return source.toString();
        }
    }

    @ReadingConverter
    enum StringToLocalDate implements Converter<String, LocalDate> {
        INSTANCE;

        @Override
        public LocalDate convert(String source) {
            return LocalDate.parse(source);
        }
    }

    @WritingConverter
    enum LocalTimeToString implements Converter<LocalTime, String> {
        INSTANCE;

        @Override
        public String convert(LocalTime source) {
            return LOCAL_TIME.format(source);
        }
    }

    @ReadingConverter
    enum StringToLocalTime implements Converter<String, LocalTime> {
        INSTANCE;

        @Override
        public LocalTime convert(String source) {
            return LocalTime.parse(source);
        }
    }

    @WritingConverter
    enum DurationToLong implements Converter<Duration, Long> {
        INSTANCE;

        @Override
        public Long convert(Duration source) {
            return source.toNanos();
        }
    }

    @ReadingConverter
    enum LongToDuration implements Converter<Long, Duration> {
        INSTANCE;

        @Override
        public Duration convert(Long source) {
            return Duration.ofNanos(source);
        }
    }

    @WritingConverter
    enum BigDecimalToDouble implements Converter<BigDecimal, Double> {
        INSTANCE;

        @Override
        public Double convert(BigDecimal source) {
            return source.doubleValue();
        }
    }

    @ReadingConverter
    enum DoubleToBigDecimal implements Converter<Double, BigDecimal> {
        INSTANCE;

        @Override
        public BigDecimal convert(Double source) {
            return BigDecimal.valueOf(source);
        }
    }

    @WritingConverter
    enum UuidToString implements Converter<UUID, String> {
        INSTANCE;

        @Override
        public String convert(UUID source) {
            return source.toString();
        }
    }

    @ReadingConverter
    enum StringToUuid implements Converter<String, UUID> {
        INSTANCE;

        @Override
        public UUID convert(String source) {
            return UUID.fromString(source);
        }
    }
}
