namespace Keras.Tests.Core.Layers;

public class ActivationTests
{
    private static readonly double[] Inputs = [-3.0, -1.0, -0.25, 0.0, 0.5, 2.0, 4.0];

    public static TheoryData<string, Func<double, double>> Formulas => new()
    {
        { "linear", x => x },
        { "relu", x => Math.Max(x, 0) },
        { "sigmoid", x => 1 / (1 + Math.Exp(-x)) },
        { "tanh", Math.Tanh },
        { "elu", x => x > 0 ? x : Math.Exp(x) - 1 },
        { "selu", x => 1.0507009873554805 * (x > 0 ? x : 1.6732632423543772 * (Math.Exp(x) - 1)) },
        // keras.activations.gelu defaults to the exact form (approximate=False); keras.ops.gelu to the tanh one.
        { "gelu", x => 0.5 * x * (1 + Erf(x / Math.Sqrt(2))) },
        { "silu", x => x / (1 + Math.Exp(-x)) },
        { "swish", x => x / (1 + Math.Exp(-x)) },
        { "softplus", x => Math.Log(Math.Exp(x) + 1) },
        { "softsign", x => x / (Math.Abs(x) + 1) },
        { "leaky_relu", x => x > 0 ? x : 0.2 * x },
        { "hard_sigmoid", x => Math.Clamp(x + 3, 0, 6) / 6 },
        { "hard_silu", x => x * Math.Clamp(x + 3, 0, 6) / 6 },
        { "hard_swish", x => x * Math.Clamp(x + 3, 0, 6) / 6 },
        { "exponential", Math.Exp },
    };

    // erf by its Maclaurin series, exact to double precision for the |z| <= 3 used here.
    private static double Erf(double z)
    {
        double sum = 0, term = z;
        for (int n = 0; n < 80; n++)
        {
            sum += term / (2 * n + 1);
            term *= -z * z / (n + 1);
        }
        return 2 / Math.Sqrt(Math.PI) * sum;
    }

    [Fact]
    public void Gelu_IsTheExactForm_AsKerasActivationsGelu()
    {
        // keras.activations.gelu's docstring: [-3, -1, 0, 1, 3] → [-0.00404951, -0.15865529, 0, 0.8413447, 2.9959507].
        using var x = torch.tensor(new float[] { -3, -1, 0, 1, 3 });
        using var y = Activations.Get("gelu").Apply(x);
        float[] expected = [-0.00404951f, -0.15865529f, 0f, 0.8413447f, 2.9959507f];
        float[] actual = y.data<float>().ToArray();
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], actual[i], 5);
        }
    }

    [Theory]
    [MemberData(nameof(Formulas))]
    public void ElementwiseActivations_MatchKerasFormulas(string name, Func<double, double> formula)
    {
        using var x = torch.tensor(Inputs.Select(v => (float)v).ToArray());
        using var y = Activations.Get(name).Apply(x);
        var actual = y.data<float>().ToArray();
        for (int i = 0; i < Inputs.Length; i++)
        {
            double expected = formula(Inputs[i]);
            Assert.True(Math.Abs(actual[i] - expected) <= 1e-5 * Math.Max(1, Math.Abs(expected)),
                $"{name}({Inputs[i]}) = {actual[i]}, expected {expected}");
        }
    }

    [Fact]
    public void Softmax_NormalisesTheLastAxis()
    {
        using var x = torch.tensor(new float[] { 1, 2, 3, 0, 0, 0 }).reshape(2, 3);
        using var y = Activations.Softmax.Apply(x);
        var v = y.data<float>().ToArray();
        double z = Math.Exp(1) + Math.Exp(2) + Math.Exp(3);
        Assert.Equal(Math.Exp(1) / z, v[0], 6);
        Assert.Equal(Math.Exp(3) / z, v[2], 6);
        Assert.Equal(1.0 / 3, v[4], 6);
    }

    [Fact]
    public void ActivationLayer_AppliesByNameAndObject()
    {
        using var x = torch.tensor(new float[] { -1, 2 });
        using var a = new Keras.Layers.Activation("relu").Call(x.unsqueeze(0));
        using var b = new Keras.Layers.Activation(Activations.Relu).Call(x.unsqueeze(0));
        Assert.Equal(new float[] { 0, 2 }, a.data<float>().ToArray());
        Assert.Equal(a.data<float>().ToArray(), b.data<float>().ToArray());
        Assert.Equal("relu", new Keras.Layers.Activation("relu").GetConfig()["activation"]);
    }

    [Fact]
    public void EmptyName_MeansLinear_AsInKeras() => Assert.Same(Activations.Linear, Activations.Get(null));
}
