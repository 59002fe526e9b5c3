package xyz.ml.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import xyz.UserError;

class DatasetsTest {

  @Test
  void names_are_the_shipped_datasets_in_readme_order() {
    assertThat(Datasets.names())
        .containsExactly("iris", "wine", "breast_cancer", "digits", "penguins");
  }

  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {
      "iris; 150; 4; setosa,versicolor,virginica; 50,50,50",
      "wine; 178; 13; class_0,class_1,class_2; 59,71,48",
      "breast_cancer; 569; 30; malignant,benign; 212,357",
      "digits; 1797; 64; 0,1,2,3,4,5,6,7,8,9; 178,182,177,183,181,182,181,179,174,180",
      // 344 penguins, 2 of them without any measurement.
      "penguins; 342; 4; Adelie,Chinstrap,Gentoo; 151,68,123",
  })
  void load_reads_the_published_shape_and_class_counts(
      String name, int rows, int features, String classes, String counts) {
    ClassificationData data = Datasets.load(name);

    assertThat(data.name()).isEqualTo(name);
    assertThat(data.rows()).isEqualTo(rows);
    assertThat(data.features()).hasNumberOfRows(rows);
    assertThat(data.featureCount()).isEqualTo(features);
    assertThat(data.classes()).containsExactly(classes.split(","));
    int[] expected = List.of(counts.split(",")).stream().mapToInt(Integer::parseInt).toArray();
    assertThat(data.classCounts()).containsExactly(expected);
  }

  @Test
  void load_keeps_the_values_of_the_files() {
    // First and last rows of each file, as printed by the files themselves.
    ClassificationData iris = Datasets.load("iris");
    assertThat(iris.features()[0]).containsExactly(5.1, 3.5, 1.4, 0.2);
    assertThat(iris.features()[149]).containsExactly(5.9, 3.0, 5.1, 1.8);
    assertThat(iris.labels()[149]).isEqualTo(2);

    ClassificationData penguins = Datasets.load("penguins");
    assertThat(penguins.featureNames()).containsExactly(
        "bill_length_mm", "bill_depth_mm", "flipper_length_mm", "body_mass_g");
    assertThat(penguins.features()[0]).containsExactly(39.1, 18.7, 181, 3750);
    assertThat(penguins.classes().get(penguins.labels()[0])).isEqualTo("Adelie");
    // Row 4 of the file is all NA and is dropped, so the fourth row is the file's fifth.
    assertThat(penguins.features()[3]).containsExactly(36.7, 19.3, 193, 3450);

    ClassificationData digits = Datasets.load("digits");
    assertThat(digits.features()[0]).startsWith(0, 0, 5, 13, 9, 1, 0, 0);
    assertThat(digits.labels()[0]).isEqualTo(0);
  }

  @Test
  void load_returns_the_same_data_each_time() {
    assertThat(Datasets.load("wine")).isSameAs(Datasets.load("wine"));
  }

  @ParameterizedTest
  @CsvSource({
      "iris, iris.csv, f13ffa8fdd56fd8e6c8d16d4081a3fbd3114bcd0aae4256c43205169cd9d1449",
      "wine, wine_data.csv, 10e8a802908b34f86e5da8ce962f3c806694bc98450a18f61851af59f324bede",
      "breast_cancer, breast_cancer.csv, "
          + "fed3eb72d0575ef6192293f5093c6e801b1476b577d0386bf4455504522172ed",
      "digits, digits.csv.gz, 46abec6b12486ad9e51943373abcf22bbea1b5a51a1619b361570d8893f1464a",
      "penguins, penguins.csv, f204db2c753b0937caac3cb35258562c14f073e4bbc76be24b4c51ce22767a93",
  })
  void shipped_files_are_the_published_ones(String name, String file, String sha256)
      throws Exception {
    assertThat(Datasets.file(name)).isEqualTo(file);
    try (InputStream in = Datasets.class.getResourceAsStream(Datasets.RESOURCE_FOLDER + file)) {
      assertThat(in).as(file).isNotNull();
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(in.readAllBytes());
      assertThat(HexFormat.of().formatHex(digest)).isEqualTo(sha256);
    }
  }

  @Test
  void unknown_name_names_the_nearest_and_every_valid_one() {
    assertThatThrownBy(() -> Datasets.load("pengiuns"))
        .isInstanceOf(UserError.class)
        .hasMessage("""
            datasets: unknown dataset 'pengiuns'
              valid: iris, wine, breast_cancer, digits, penguins
              did you mean 'penguins'?
              fix: replace 'pengiuns' with 'penguins' in the study's `datasets`""");
  }

  @Test
  void unrelated_name_lists_the_valid_ones_without_a_guess() {
    assertThatThrownBy(() -> Datasets.load("mnist"))
        .isInstanceOf(UserError.class)
        .hasMessage("""
            datasets: unknown dataset 'mnist'
              valid: iris, wine, breast_cancer, digits, penguins
              fix: list only valid datasets in the study's `datasets`""");
  }
}
