package io.engineroom.quality;

import java.util.List;

/** A silver table and the checks Deequ runs on each night's rows of it. */
public record QualityDataset(String name, String table, List<QualityCheck> checks, Double maxDecrease,
    Double maxIncrease) {}
