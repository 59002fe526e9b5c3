package xyz.ml.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DatasetReadersTest {

  private static BufferedReader text(String content) {
    return new BufferedReader(new StringReader(content));
  }

  @Test
  void sklearn_header_gives_shape_and_class_names() throws Exception {
    ClassificationData data = SklearnCsv.readWithHeader("toy", "toy.csv",
        text("3,2,no,yes\n1.5,2,0\n3,4.25,1\n-1,0,1\n"));

    assertThat(data.classes()).containsExactly("no", "yes");
    assertThat(data.featureNames()).containsExactly("f0", "f1");
    assertThat(data.features()).isDeepEqualTo(new double[][] {{1.5, 2}, {3, 4.25}, {-1, 0}});
    assertThat(data.labels()).containsExactly(0, 1, 1);
  }

  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {
      "2,2,a,b\\n1,2,0\\n; toy.csv: 1 rows, the header announces 2",
      "1,2,a,b\\n1,2,0\\n3,4,1\\n; toy.csv:3: more than the 1 rows the header announces",
      "1,2,a,b\\n1,2\\n; toy.csv:2: 2 columns, expected 3 (features, then the label)",
      "1,2,a,b\\n1,x,0\\n; toy.csv:2: column 2 'x' is not a number",
      "1,2,a,b\\n1,2,2\\n; toy.csv:2: column 3 label '2' is not a class index from 0 to 1",
      "1,2,a,b\\n1,2,0.5\\n; toy.csv:2: column 3 label '0.5' is not a class index from 0 to 1",
      "two,2,a,b\\n; toy.csv:1: column 1 'two' is not a count",
  })
  void sklearn_bad_file_is_reported_with_line_and_column(String content, String message) {
    assertThatThrownBy(() -> SklearnCsv.readWithHeader("toy", "toy.csv",
        text(content.replace("\\n", "\n"))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(message);
  }

  @Test
  void penguins_drop_rows_with_a_missing_measurement_and_sort_species() throws Exception {
    String csv = """
        species,island,bill_length_mm,bill_depth_mm,flipper_length_mm,body_mass_g,sex,year
        Gentoo,Biscoe,46.1,13.2,211,4500,female,2007
        Adelie,Torgersen,NA,NA,NA,NA,NA,2007
        Adelie,Torgersen,39.5,17.4,186,3800,NA,2007
        Chinstrap,Dream,46.5,17.9,192,3500,female,2007
        """;
    ClassificationData data = PenguinsCsv.read("penguins", "penguins.csv", text(csv));

    assertThat(data.classes()).containsExactly("Adelie", "Chinstrap", "Gentoo");
    assertThat(data.labels()).containsExactly(2, 0, 1);
    // A missing sex does not matter: it is not a feature.
    assertThat(data.features()[1]).containsExactly(39.5, 17.4, 186, 3800);
  }

  @Test
  void penguins_without_a_needed_column_say_which() {
    assertThatThrownBy(() -> PenguinsCsv.read("penguins", "penguins.csv",
        text("species,bill_length_mm\nAdelie,39\n")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("penguins.csv:1: no column 'bill_depth_mm' in the header "
            + List.of("species", "bill_length_mm"));
  }

  @Test
  void penguins_bad_number_is_reported_with_line_and_column() {
    String csv = "species,bill_length_mm,bill_depth_mm,flipper_length_mm,body_mass_g\n"
        + "Adelie,39,18,181,3750\nAdelie,39,18,?,3750\n";
    assertThatThrownBy(() -> PenguinsCsv.read("penguins", "penguins.csv", text(csv)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("penguins.csv:3: column 4 '?' is neither a number nor NA");
  }
}
