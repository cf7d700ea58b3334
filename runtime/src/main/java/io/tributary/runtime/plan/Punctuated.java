package io.tributary.runtime.plan;

/** A processor that acts as time passes: releases conflated values, closes windows. */
interface Punctuated {

    /** Called by the plan's timer (or the test driver) with the current time; never concurrently with itself. */
    void punctuate(long nowNanos);
}
