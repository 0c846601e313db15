using static TorchSharp.torch;

namespace Keras.Benchmarks;

/// <summary>Keras' Adam in place for a hand loop: alpha = lr·sqrt(1-b2^t)/(1-b1^t); m += (g-m)(1-b1);
/// v = b2·v + (1-b2)·g²; w -= alpha·m/(sqrt(v)+eps), lr 1e-3, eps 1e-7.</summary>
internal sealed class HandAdam : IDisposable
{
    private const double LearningRate = 1e-3;
    private const double Beta1 = 0.9;
    private const double Beta2 = 0.999;
    private const double Epsilon = 1e-7;

    private readonly Tensor[] _parameters;
    private readonly Tensor[] _momentums;
    private readonly Tensor[] _velocities;
    private long _iterations;

    internal HandAdam(Tensor[] parameters)
    {
        _parameters = parameters;
        _momentums = parameters.Select(p => torch.zeros_like(p).DetachFromDisposeScope()).ToArray();
        _velocities = parameters.Select(p => torch.zeros_like(p).DetachFromDisposeScope()).ToArray();
    }

    internal void Update(IList<Tensor> grads)
    {
        using var noGrad = torch.no_grad();
        _iterations++;
        double alpha = LearningRate * Math.Sqrt(1 - Math.Pow(Beta2, _iterations)) / (1 - Math.Pow(Beta1, _iterations));
        for (int i = 0; i < _parameters.Length; i++)
        {
            var g = grads[i];
            _momentums[i].lerp_(g, 1 - Beta1);
            _velocities[i].mul_(Beta2).addcmul_(g, g, 1 - Beta2);
            _parameters[i].addcdiv_(_momentums[i], _velocities[i].sqrt().add_(Epsilon), -alpha);
        }
    }

    public void Dispose()
    {
        foreach (var t in _momentums.Concat(_velocities))
        {
            t.Dispose();
        }
    }
}
