package pe.telco.orders.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The download file name never carries a line break, quote or parameter separator into the header. */
class AttachmentTest {

    @Test
    void writesBothTheAsciiAndTheEncodedName() {
        assertThat(Attachment.disposition("evaluations.csv"))
                .isEqualTo("attachment; filename=\"evaluations.csv\"; filename*=UTF-8''evaluations.csv");
        assertThat(Attachment.disposition("Regla ñ.csv"))
                .isEqualTo("attachment; filename=\"Regla _.csv\"; filename*=UTF-8''Regla%20%C3%B1.csv");
    }

    @Test
    void neutralisesLineBreaksQuotesAndSeparators() {
        assertThat(Attachment.disposition("a\r\nSet-Cookie: x=1\"; filename=evil.exe"))
                .isEqualTo("attachment; filename=\"a__Set-Cookie: x=1__ filename=evil.exe\"; "
                        + "filename*=UTF-8''a__Set-Cookie%3A%20x%3D1__%20filename%3Devil.exe");
        assertThat(Attachment.disposition("../..\\etc/passwd")).doesNotContain("/", "\\");
        assertThat(Attachment.disposition("")).contains("filename=\"download\"");
    }
}
