using Keras.Layers;
using Keras.Tests.Onnx.Support;

namespace Keras.Tests.Onnx;

/// <summary>ONNX Runtime parity of the merging layers (two and three inputs, rank alignment, Dot axes).</summary>
public class MergingOnnxTests : IOnnxCaseSource
{
    public static TheoryData<string> Names => OnnxCaseSource.Names<MergingOnnxTests>();

    public IEnumerable<OnnxCase> Cases()
    {
        yield return new("add3", () => Merge(new Add(), [4], [4], [4]));
        yield return new("add_broadcast_rank", () => Merge(new Add(), [3, 4], [4]));
        yield return new("subtract", () => Merge(new Subtract(), [4], [4]));
        yield return new("multiply3", () => Merge(new Multiply(), [2, 3], [2, 3], [2, 3]));
        yield return new("average3", () => Merge(new Average(), [5], [5], [5]));
        yield return new("maximum", () => Merge(new Maximum(), [5], [5], [5]));
        yield return new("minimum", () => Merge(new Minimum(), [3, 2], [3, 2]));
        yield return new("concatenate_last", () => Merge(new Concatenate(), [2, 3], [2, 5]));
        yield return new("concatenate_axis1", () => Merge(new Concatenate(axis: 1), [2, 3], [4, 3]));
        yield return new("dot_vectors", () => Merge(new Dot(1), [4], [4]));
        yield return new("dot_normalize", () => Merge(new Dot(-1, normalize: true), [4], [4]));
        yield return new("dot_matrices", () => Merge(new Dot([2, 1]), [3, 4], [4, 5]));
        yield return new("dot_axes_1_1", () => Merge(new Dot([1, 1]), [3, 4], [3, 2]));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Export_MatchesOnnxRuntime(string name) =>
        OnnxParity.AssertMatches(OnnxCaseSource.Get<MergingOnnxTests>(name));

    private static Functional Merge(Layer merge, params Shape[] shapes)
    {
        var inputs = shapes.Select(s => new Input(s)).ToList();
        return new Functional(inputs.Cast<KerasTensor>().ToList(), merge.Call(inputs.Cast<KerasTensor>().ToList()));
    }
}
