using Keras.Losses;
using Keras.Metrics;
using Keras.Optimizers;
using Keras.Training;

namespace Keras;

public abstract partial class Model
{
    private CompiledState? _compiled;

    /// <summary>Configures the model for training (<c>model.compile</c>).</summary>
    /// <param name="optimizer">An optimizer or its name. Defaults to <c>"rmsprop"</c>, as Keras.</param>
    /// <param name="loss">A loss or its name (e.g. <c>"sparse_categorical_crossentropy"</c>).</param>
    /// <param name="metrics">Metrics or their names; <c>"accuracy"</c> resolves to binary, categorical or sparse
    /// categorical accuracy from the shapes, as in Keras.</param>
    /// <remarks>Call it again after changing <see cref="Layer.Trainable"/> so that training picks the change up.</remarks>
    public void Compile(Optimizer? optimizer = null, Loss? loss = null, IEnumerable<Metric>? metrics = null)
    {
        _compiled?.Dispose();
        var metricList = metrics?.ToList() ?? [];
        var duplicate = metricList.GroupBy(m => m.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException(
                $"Metric names must be unique; \"{duplicate.Key}\" was given {duplicate.Count()} times.", nameof(metrics));
        }
        Optimizer = optimizer ?? Optimizer.Get("rmsprop");
        Loss = loss;
        _compiled = new CompiledState(Optimizer, loss, metricList, TrainableWeights);
    }

    private CompiledState RequireCompiled(string method) => _compiled ?? throw new InvalidOperationException(
        $"You must call `Compile()` before using the model in `{method}`.");

    private CompiledState RequireLoss(string method)
    {
        var compiled = RequireCompiled(method);
        return compiled.Loss is null
            ? throw new InvalidOperationException(
                $"Model \"{Name}\" was compiled without a `loss`; `{method}` needs one. Pass `loss:` to `Compile`.")
            : compiled;
    }
}
