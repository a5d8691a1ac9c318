package io.driftwatch.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StringFormatTest {
    @ParameterizedTest
    @CsvSource(
            nullValues = "none",
            value = {
                "2014-09-19, date",
                "2014-13-19, none",
                "2015-07-24T10:48:27.082-07:00, date-time",
                "2015-07-24T10:48:27Z, date-time",
                "2013-05-20T20:49:32.000+0000, none", // Salesforce: not RFC 3339
                "2015-07-24 10:48:27Z, none",
                "ap@example.com, email",
                "not an@email.com, none",
                "3fa85f64-5717-4562-b3fc-2c963f66afa6, uuid",
                "3fa85f64-5717-4562-b3fc-2c963f66afaZ, none",
                "12.50, decimal",
                "-122.1141681, decimal",
                "130, none",
                "1., none",
                "NeedToPrint, none"
            })
    void recognisesFormats(String value, String format) {
        StringFormat f = StringFormat.single(StringFormat.maskOf(value));
        assertThat(f == null ? null : f.schemaName()).isEqualTo(format);
    }
}
