namespace Keras.Tests.Core.Optimizers;

/// <summary>Keras 3's optimizer update formulas (keras/src/optimizers/*.py and base_optimizer.py), re-implemented
/// element by element in plain double arithmetic as the independent oracle for the optimizer tests.</summary>
internal abstract class KerasReference
{
    private readonly Dictionary<(int Variable, string Slot), double[]> _slots = [];

    public double? WeightDecay { get; init; }

    public double? Clipnorm { get; init; }

    public double? Clipvalue { get; init; }

    public double? GlobalClipnorm { get; init; }

    /// <summary>Keras' <c>iterations</c>: completed updates.</summary>
    public long Iterations { get; private set; }

    /// <summary>One <c>optimizer.apply(grads, vars)</c>: clip, decay, update each variable, count the
    /// iteration.</summary>
    public void Apply(double[][] weights, double[][] gradients, double learningRate)
    {
        var grads = Clip(gradients.Select(g => g.Select(x => (double)(float)x).ToArray()).ToArray());
        if (WeightDecay is double wd)
        {
            foreach (var w in weights)
            {
                for (int i = 0; i < w.Length; i++)
                {
                    w[i] = w[i] - w[i] * wd * learningRate;
                }
            }
        }
        BeforeUpdates();
        for (int v = 0; v < weights.Length; v++)
        {
            Update(v, weights[v], grads[v], learningRate);
        }
        Iterations++;
    }

    /// <summary>The state array <paramref name="slot"/> of variable <paramref name="variable"/>.</summary>
    public double[] Slot(int variable, string slot, int length, double initial = 0.0)
    {
        if (!_slots.TryGetValue((variable, slot), out var values))
        {
            values = Enumerable.Repeat(initial, length).ToArray();
            _slots[(variable, slot)] = values;
        }
        return values;
    }

    protected virtual void BeforeUpdates()
    {
    }

    protected abstract void Update(int v, double[] w, double[] g, double lr);

    private double[][] Clip(double[][] grads)
    {
        if (Clipnorm is double cn && cn > 0)
        {
            return grads.Select(g =>
            {
                double norm = Math.Sqrt(g.Sum(x => x * x));
                return g.Select(x => x * cn / Math.Max(norm, cn)).ToArray();
            }).ToArray();
        }
        if (GlobalClipnorm is double gcn && gcn > 0)
        {
            double norm = Math.Sqrt(grads.Sum(g => g.Sum(x => x * x)));
            double scale = gcn * Math.Min(1.0 / norm, 1.0 / gcn) + (norm - norm);
            return grads.Select(g => g.Select(x => x * scale).ToArray()).ToArray();
        }
        if (Clipvalue is double cv && cv > 0)
        {
            return grads.Select(g => g.Select(x => Math.Clamp(x, -cv, cv)).ToArray()).ToArray();
        }
        return grads;
    }
}

internal sealed class SgdReference(double momentum = 0.0, bool nesterov = false) : KerasReference
{
    protected override void Update(int v, double[] w, double[] g, double lr)
    {
        for (int i = 0; i < w.Length; i++)
        {
            if (momentum == 0)
            {
                w[i] -= g[i] * lr;
                continue;
            }
            var m = Slot(v, "momentum", w.Length);
            m[i] = m[i] * momentum - g[i] * lr;
            w[i] += nesterov ? m[i] * momentum - g[i] * lr : m[i];
        }
    }
}

internal sealed class AdamReference(double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-7,
    bool amsgrad = false) : KerasReference
{
    protected override void Update(int v, double[] w, double[] g, double lr)
    {
        double t = Iterations + 1;
        double alpha = lr * Math.Sqrt(1 - Math.Pow(beta2, t)) / (1 - Math.Pow(beta1, t));
        var m = Slot(v, "momentum", w.Length);
        var vel = Slot(v, "velocity", w.Length);
        var vHat = Slot(v, "velocity_hat", w.Length);
        for (int i = 0; i < w.Length; i++)
        {
            m[i] += (g[i] - m[i]) * (1 - beta1);
            vel[i] += (g[i] * g[i] - vel[i]) * (1 - beta2);
            double second = vel[i];
            if (amsgrad)
            {
                vHat[i] = Math.Max(vHat[i], vel[i]);
                second = vHat[i];
            }
            w[i] -= m[i] * alpha / (Math.Sqrt(second) + epsilon);
        }
    }
}

internal sealed class RmspropReference(double rho = 0.9, double momentum = 0.0, double epsilon = 1e-7,
    bool centered = false) : KerasReference
{
    protected override void Update(int v, double[] w, double[] g, double lr)
    {
        var velocity = Slot(v, "velocity", w.Length);
        var mom = Slot(v, "momentum", w.Length);
        var average = Slot(v, "average_gradient", w.Length);
        for (int i = 0; i < w.Length; i++)
        {
            velocity[i] = rho * velocity[i] + (1 - rho) * g[i] * g[i];
            double denominator;
            if (centered)
            {
                average[i] = rho * average[i] + (1 - rho) * g[i];
                denominator = velocity[i] - average[i] * average[i] + epsilon;
            }
            else
            {
                denominator = velocity[i] + epsilon;
            }
            double increment = lr * g[i] / Math.Sqrt(denominator);
            if (momentum > 0)
            {
                mom[i] = momentum * mom[i] + increment;
                w[i] -= mom[i];
            }
            else
            {
                w[i] -= increment;
            }
        }
    }
}

internal sealed class AdagradReference(double initialAccumulatorValue = 0.1, double epsilon = 1e-7)
    : KerasReference
{
    protected override void Update(int v, double[] w, double[] g, double lr)
    {
        var accumulator = Slot(v, "accumulator", w.Length, initialAccumulatorValue);
        for (int i = 0; i < w.Length; i++)
        {
            accumulator[i] += g[i] * g[i];
            w[i] -= lr * g[i] / Math.Sqrt(accumulator[i] + epsilon);
        }
    }
}

internal sealed class AdamaxReference(double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-7)
    : KerasReference
{
    protected override void Update(int v, double[] w, double[] g, double lr)
    {
        double beta1Power = Math.Pow(beta1, Iterations + 1);
        var m = Slot(v, "momentum", w.Length);
        var u = Slot(v, "norm", w.Length);
        for (int i = 0; i < w.Length; i++)
        {
            m[i] += (g[i] - m[i]) * (1 - beta1);
            u[i] = Math.Max(beta2 * u[i], Math.Abs(g[i]));
            w[i] -= lr * m[i] / ((1 - beta1Power) * (u[i] + epsilon));
        }
    }
}

internal sealed class NadamReference(double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-7)
    : KerasReference
{
    public double UProduct { get; private set; } = 1.0;

    protected override void BeforeUpdates() =>
        UProduct = UProduct * beta1 * (1.0 - 0.5 * Math.Pow(0.96, Iterations + 1));

    protected override void Update(int v, double[] w, double[] g, double lr)
    {
        double localStep = Iterations + 1;
        double nextStep = Iterations + 2;
        double uT = beta1 * (1.0 - 0.5 * Math.Pow(0.96, localStep));
        double uT1 = beta1 * (1.0 - 0.5 * Math.Pow(0.96, nextStep));
        double uProductT = UProduct;
        double uProductT1 = uProductT * uT1;
        double beta2Power = Math.Pow(beta2, localStep);
        var m = Slot(v, "momentum", w.Length);
        var vel = Slot(v, "velocity", w.Length);
        for (int i = 0; i < w.Length; i++)
        {
            m[i] += (g[i] - m[i]) * (1 - beta1);
            vel[i] += (g[i] * g[i] - vel[i]) * (1 - beta2);
            double mHat = uT1 * m[i] / (1 - uProductT1) + (1 - uT) * g[i] / (1 - uProductT);
            double vHat = vel[i] / (1 - beta2Power);
            w[i] -= mHat * lr / (Math.Sqrt(vHat) + epsilon);
        }
    }
}
