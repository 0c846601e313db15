using Keras.Layers;
using Keras.Saving;
using Keras.Tests.Support;
using Xunit.Abstractions;

namespace Keras.Tests.Saving.Fuzz;

/// <summary>Damaged <c>.h5</c> and <c>.keras</c> files (≥ 200 each, derived deterministically from files Keras.Net
/// wrote) never crash or hang the loaders: each load ends in <see cref="KerasFileException"/> within 10 s and without
/// large allocations, or loads a model with the right weight shapes when the damage only hit weight values.</summary>
[Collection(SerialCollection.Name)]
public sealed class LoaderFuzzTests(ITestOutputHelper output)
{
    private const int Seed = 20261127;

    private static readonly TimeSpan PerFileTimeout = TimeSpan.FromSeconds(10);

    // Managed allocations one load of a ~20 KB file may make (a hostile shape must not allocate its claimed size).
    private const long AllocationBudget = 256L * 1024 * 1024;

    [Theory]
    [InlineData(".h5")]
    [InlineData(".keras")]
    public void DamagedFiles_EndInKerasFileExceptionOrLoadTheRightShapes(string format)
    {
        string dir = Path.Combine(Path.GetTempPath(), "keras-fuzz-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            using var model = TrainedModel();
            string validPath = Path.Combine(dir, "valid" + format);
            model.Save(validPath);
            var shapes = model.Weights.Select(w => w.Shape).ToList();
            var valid = File.ReadAllBytes(validPath);
            var mutator = new FileMutator(Seed);
            var cases = format == ".h5" ? mutator.Hdf5(valid, 200) : mutator.Keras(valid, 200);

            var outcomes = new Dictionary<string, int>();
            var failures = new List<string>();
            for (int i = 0; i < cases.Count; i++)
            {
                var (label, bytes) = cases[i];
                string path = Path.Combine(dir, $"case{i}{format}");
                File.WriteAllBytes(path, bytes);
                string outcome = Load(path, shapes);
                outcomes[outcome.Split(':')[0]] = outcomes.GetValueOrDefault(outcome.Split(':')[0]) + 1;
                if (!outcome.StartsWith("KerasFileException", StringComparison.Ordinal) && outcome != "loaded")
                {
                    failures.Add($"case {i} ({label}): {outcome}");
                }
                File.Delete(path);
            }
            output.WriteLine($"{format}: {cases.Count} damaged files; " +
                             string.Join(", ", outcomes.OrderBy(p => p.Key).Select(p => $"{p.Key} {p.Value}")));
            Assert.True(cases.Count >= 200, $"Only {cases.Count} damaged {format} files.");
            Assert.True(failures.Count == 0,
                $"{failures.Count} of {cases.Count} damaged {format} files did not end in KerasFileException:\n" +
                string.Join("\n", failures.Take(40)));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>Loads one file on a worker with a timeout; returns "loaded", "KerasFileException: ..." or what else
    /// happened.</summary>
    private static string Load(string path, List<Shape> shapes)
    {
        long before = GC.GetTotalAllocatedBytes(precise: true);
        var task = Task.Run(() =>
        {
            using var scope = torch.NewDisposeScope();
            using var loaded = Models.LoadModel(path, compile: true);
            var got = loaded.Weights.Select(w => w.Shape).ToList();
            return got.SequenceEqual(shapes)
                ? "loaded"
                : $"loaded with weight shapes {string.Join(" ", got)} instead of {string.Join(" ", shapes)}";
        });
        if (Task.WaitAny([task], PerFileTimeout) != 0)
        {
            return $"still running after {PerFileTimeout.TotalSeconds} s";
        }
        long allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        if (allocated > AllocationBudget)
        {
            return $"allocated {allocated / (1024 * 1024)} MB";
        }
        if (task.IsCompletedSuccessfully)
        {
            return task.Result;
        }
        var e = task.Exception!.InnerException!;
        string where = e is KerasFileException
            ? ""
            : " at " + string.Join(" < ", (e.StackTrace ?? "").Split('\n').Take(4).Select(f => f.Trim()));
        return $"{e.GetType().Name}: {e.Message.Split('\n')[0]}{where}";
    }

    private static Sequential TrainedModel()
    {
        Utils.SetRandomSeed(3);
        // Fixed names: automatic ones depend on what else the process built, and so would the file's bytes.
        var model = new Sequential(
            [new Input([4], name: "features"),
             new Dense(3, activation: "relu", name: "hidden"),
             new BatchNormalization(name: "norm"),
             new Dense(2, activation: "softmax", name: "classes")],
            name: "fuzzed");
        model.Compile(optimizer: "adam", loss: "sparse_categorical_crossentropy", metrics: ["accuracy"]);
        var (x, y) = TestModels.Classification(16, 4, 2);
        model.Fit(x, y, epochs: 1, batchSize: 8, verbose: 0);
        return model;
    }
}
