package io.glen.spring.boot.autoconfigure.data;

import io.glen.spring.boot.autoconfigure.GlenAutoConfiguration;
import io.glen.spring.data.core.GlenTemplate;
import io.glen.spring.data.core.GlenEntityTemplate;
import io.glen.spring.data.core.convert.GlenCustomConversions;
import io.glen.spring.data.core.convert.MappingGlenConverter;
import io.glen.spring.data.core.mapping.GlenMappingContext;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configures the mapping ({@link GlenMappingContext}, {@link GlenCustomConversions},
 * {@link MappingGlenConverter}, which also becomes the starter's {@code GlenTemplate} converter) and
 * the {@link GlenEntityTemplate} repositories run on. Register application converters by defining
 * a {@link GlenCustomConversions} bean.
 */
@AutoConfiguration(before = GlenAutoConfiguration.class)
@ConditionalOnClass({GlenEntityTemplate.class, GlenTemplate.class})
public final class GlenDataAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    GlenCustomConversions glenCustomConversions() {
        return new GlenCustomConversions();
    }

    @Bean
    @ConditionalOnMissingBean
    GlenMappingContext glenMappingContext() {
        return new GlenMappingContext();
    }

    @Bean
    @ConditionalOnMissingBean
    MappingGlenConverter mappingGlenConverter(GlenMappingContext context, GlenCustomConversions conversions) {
        return new MappingGlenConverter(context, conversions);
    }

    @Bean
    @ConditionalOnMissingBean
    GlenEntityTemplate glenEntityTemplate(GlenTemplate template, MappingGlenConverter converter) {
        return new GlenEntityTemplate(template, converter);
    }
}
