package dev.profileadvisor.catalog;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** `rules list --facts` lists every fact record and describes every field, so the list cannot fall behind the code. */
class FactDocsTest {
    @Test
    void everyRecordOfTheFactsPackageIsListed() throws IOException {
        List<String> records;
        try (Stream<Path> files = Files.list(Path.of("src/main/java/dev/profileadvisor/facts"))) {
            records = files.filter(p -> {
                try {
                    return Files.readString(p).contains("public record " + p.getFileName().toString().replace(".java", "") + "(");
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).map(p -> p.getFileName().toString().replace(".java", "")).sorted().toList();
        }
        assertThat(FactDoc.all()).extracting(FactDoc::name).as("add a new fact record to FactDoc.FACTS").isEqualTo(records);
    }

    @Test
    void everyFieldOfEveryFactHasTheDescriptionItsJavadocGives() {
        for (FactDoc f : FactDoc.all()) {
            assertThat(f.summary()).as(f.name() + " has a Javadoc summary").isNotBlank();
            for (FactDoc.Field field : f.fields()) {
                assertThat(field.description()).as("`@param " + field.name() + "` in the Javadoc of " + f.name()).isNotBlank();
            }
        }
    }
}
