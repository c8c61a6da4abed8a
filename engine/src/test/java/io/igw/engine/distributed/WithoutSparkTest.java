package io.igw.engine.distributed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.igw.engine.errors.InvalidSetting;
import io.igw.engine.errors.MissingPrerequisite;
import io.igw.engine.recommenders.ModelCatalog;
import org.junit.jupiter.api.Test;

/** Where the spark module is not on the class path (the desktop, the engine's tests), Spark work says so. */
class WithoutSparkTest {
    @Test
    void sparkWorkIsRefusedInWordsAndAlsIsKnownButNotTrainable() {
        assertTrue(DistributedEngine.find().isEmpty());
        MissingPrerequisite missing = assertThrows(MissingPrerequisite.class, DistributedEngine::require);
        assertEquals(MissingPrerequisite.Need.SPARK, missing.need());
        assertTrue(missing.getMessage().contains("Apache Spark"), missing.getMessage());

        assertFalse(ModelCatalog.names().contains("als"), "als is not offered for training without Spark");
        assertTrue(ModelCatalog.known("als"), "a stored als model still loads and scores");
        assertEquals(MissingPrerequisite.Need.SPARK,
                assertThrows(MissingPrerequisite.class, () -> ModelCatalog.checkTrainable("als")).need());
    }

    @Test
    void sparkOptionsRefuseWhatNoJobCanUse() {
        assertEquals("local[*]", new DistributedEngine.SparkOptions(null, null, 0).master());
        assertEquals("partitions", assertThrows(InvalidSetting.class, () -> new DistributedEngine.SparkOptions("local[2]", null, -1)).setting());
        assertEquals("aggregates", assertThrows(InvalidSetting.class,
                () -> new DistributedEngine.SparkOptions("local[2]", "in", 0, "out")).conflictsWith());
    }
}
