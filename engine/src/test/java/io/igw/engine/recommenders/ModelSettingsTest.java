package io.igw.engine.recommenders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.igw.storage.Workspace;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Settings print as the registry has always shown them and parse back to the same record. */
class ModelSettingsTest {
    @Test
    void settingsPrintAsEarlierReleasesStoredThem() {
        assertEquals("", new Popularity.Settings().describe());
        assertEquals("neighbours=100,shrink=10.0", ItemKnn.Settings.standard().describe());
        assertEquals("lambda=250.0", Ease.Settings.standard().describe());
        assertEquals("features=category+brand+tag,weighting=idf,nudge=0.001", ContentBased.Settings.standard().describe());
        assertEquals("bottleneck=200,keep=0.5,lr=0.001,l2=1.0E-5,batch=64,epochs=200,patience=10",
                Autoencoder.Settings.standard().describe());
        assertEquals("g_hidden=128,d_hidden=128,zr=0.3,pm=0.3,alpha=1.0,lr=0.001,l2=0.003,batch=64,epochs=300,patience=40",
                Cfgan.Settings.standard().describe());
        assertEquals("walks=10,length=40,dimensions=64,window=5,negative=5,epochs=1", DeepWalk.Settings.standard().describe());
    }

    @Test
    void everyKindsSettingsParseBackToTheSameRecord() {
        for (ModelSettings s : List.of(new Popularity.Settings(), ItemKnn.Settings.standard(), Ease.Settings.standard(),
                ContentBased.Settings.standard(), Autoencoder.Settings.standard(), Cfgan.Settings.standard(),
                DeepWalk.Settings.standard())) {
            assertEquals(s, ModelSettings.parse(s.getClass(), s.describe()), s.describe());
        }
        assertEquals(new Ease.Settings(12.5), ModelSettings.parse(Ease.Settings.class, "lambda=12.5"));
    }

    @Test
    void aCatalogueTrainerCarriesStoredSettings() {
        Workspace none = null;
        RecommenderTrainer<?> t = ModelCatalog.trainer("itemknn", none, "neighbours=7,shrink=0.0");
        assertEquals(new ItemKnn.Settings(7, 0), t.settings());
        assertEquals("itemknn", t.kind());
    }

    @Test
    void malformedSettingsAreRefusedWithTheirText() {
        assertThrows(IllegalArgumentException.class, () -> ModelSettings.parse(Ease.Settings.class, "lambda"));
        assertThrows(IllegalArgumentException.class, () -> ModelSettings.parse(Ease.Settings.class, "lambda=x"));
        assertThrows(IllegalArgumentException.class, () -> ModelSettings.parse(Ease.Settings.class, "lambda=1,mu=2"));
        assertThrows(IllegalArgumentException.class, () -> ModelSettings.parse(ItemKnn.Settings.class, "neighbours=3"));
    }
}
