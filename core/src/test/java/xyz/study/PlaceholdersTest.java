package xyz.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PlaceholdersTest {

  @Test
  void findsNamesInBracesOnly() {
    assertThat(Placeholders.find("--lr={lr} {\"a\": 1} {cell_dir}/out {2x} {}"))
        .containsExactly(new Placeholders.Use("lr", 5), new Placeholders.Use("cell_dir", 19));
  }

  @Test
  void fillsKnownNamesAndLeavesTheRest() {
    Map<String, String> values = Map.of("lr", "0.01", "cell_id", "c0123456789abcdef");

    String filled = Placeholders.fill("{lr}/{cell_id}/{other}/$1\\", values::get);

    assertThat(filled).isEqualTo("0.01/c0123456789abcdef/{other}/$1\\");
  }
}
