using Keras.Layers;
using Keras.Tests.Onnx.Support;

namespace Keras.Tests.Onnx;

/// <summary>ONNX Runtime parity of whole models: a Sequential MLP, a CNN, a functional model with two inputs, two
/// outputs and a shared layer, and nested models (inlined, also when one nested model is called twice).</summary>
public class ModelOnnxTests : IOnnxCaseSource
{
    public static TheoryData<string> Names => OnnxCaseSource.Names<ModelOnnxTests>();

    public IEnumerable<OnnxCase> Cases()
    {
        yield return new("mlp", () => new Sequential(new Input([20]),
            new Dense(32, activation: "relu"), new Dropout(0.2), new Dense(16, activation: "gelu"),
            new Dense(10, activation: "softmax")));
        yield return new("cnn", () => new Sequential(new Input([12, 12, 3]),
            new Conv2D(8, 3, padding: "same", activation: "relu"), new BatchNormalization(), new MaxPooling2D(2),
            new Conv2D(4, 3, strides: 2), new Flatten(), new Dense(5, activation: "softmax")));
        yield return new("functional_two_in_two_out_shared", TwoInTwoOutShared);
        yield return new("nested_sequential_in_functional", NestedSequentialInFunctional);
        yield return new("nested_functional_in_sequential", () =>
        {
            var input = new Input([6]);
            var inner = new Functional(input, new Dense(4, activation: "tanh").Call(input), name: "inner");
            return new Sequential(new Input([6]), inner, new Dense(2));
        });
        yield return new("identity_model", () => new Sequential(new Input([4]), new Dropout(0.5)));
        yield return new("same_tensor_twice_as_output", () =>
        {
            var input = new Input([3]);
            var hidden = new Dense(2, name: "hidden").Call(input);
            return new Functional(input, [hidden, hidden]);
        });
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Export_MatchesOnnxRuntime(string name) =>
        OnnxParity.AssertMatches(OnnxCaseSource.Get<ModelOnnxTests>(name));

    internal static Functional TwoInTwoOutShared()
    {
        var left = new Input([5], name: "left");
        var right = new Input([5], name: "right");
        var shared = new Dense(4, activation: "relu", name: "shared_encoder");
        var merged = new Concatenate(name: "merged").Call([shared.Call(left), shared.Call(right)]);
        var score = new Dense(1, activation: "sigmoid", name: "score").Call(merged);
        var difference = new Subtract().Call([shared.Call(left), shared.Call(right)]);
        var label = new Dense(3, activation: "softmax", name: "label").Call(difference);
        return new Functional([left, right], [score, label], name: "siamese");
    }

    /// <summary>One Sequential block called on two inputs of a functional model.</summary>
    internal static Functional NestedSequentialInFunctional()
    {
        var block = new Sequential([new Dense(6, activation: "relu"), new LayerNormalization()], "block");
        var a = new Input([4], name: "a");
        var b = new Input([4], name: "b");
        var sum = new Add(name: "sum").Call([block.Call(a), block.Call(b)]);
        return new Functional([a, b], new Dense(2, name: "head").Call(sum), name: "outer");
    }
}
