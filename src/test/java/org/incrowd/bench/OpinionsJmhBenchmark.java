package org.incrowd.bench;

import java.util.concurrent.TimeUnit;
import org.incrowd.insight.opinions.algorithm.OpinionAnalysis;
import org.incrowd.insight.opinions.algorithm.OpinionResult;
import org.incrowd.insight.opinions.algorithm.OpinionSettings;
import org.incrowd.insight.opinions.algorithm.VoteMatrix;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH: the opinion pipeline on a Jam-sized conversation ({@link SyntheticJam#JAM}). Run with
 * {@code ./incrowd bench opinions-jmh}. {@link #fullAnalysis} is a recomputation from the votes alone;
 * {@link #updateAfter1000NewVotes} takes in 1,000 new reactions (matrix merge plus update from the previous result).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class OpinionsJmhBenchmark {

    private static final int BATCHES = 32;

    private VoteMatrix matrix;
    private OpinionResult previous;
    private VoteMatrix[] newVotes;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        matrix = SyntheticJam.JAM.matrix();
        previous = OpinionAnalysis.analyse(matrix, OpinionSettings.DEFAULT);
        newVotes = new VoteMatrix[BATCHES];
        for (int i = 0; i < BATCHES; i++) {
            newVotes[i] = SyntheticJam.JAM.moreVotes(1_000, i);
        }
    }

    @Benchmark
    public OpinionResult fullAnalysis() {
        return OpinionAnalysis.analyse(matrix, OpinionSettings.DEFAULT);
    }

    @Benchmark
    public OpinionResult updateAfter1000NewVotes() {
        var batch = newVotes[next++ % BATCHES];
        return OpinionAnalysis.update(previous, matrix.plus(batch), OpinionSettings.DEFAULT);
    }
}
