using System.Globalization;
using Keras.Backend;
using Keras.Saving;

namespace Keras.Optimizers;

public abstract partial class Optimizer
{
    /// <summary>The slots in the order Keras 3 lists them in <c>optimizer.variables</c> after <c>iteration</c> and
    /// <c>learning_rate</c>. Defaults to creation order; optimizers whose Keras <c>build</c> interleaves slots per
    /// variable (<c>add_optimizer_variables</c> with several names) override it.</summary>
    internal virtual IReadOnlyList<Variable> SlotsInKerasOrder => Variables;

    /// <summary>Builds the optimizer for <paramref name="trainableWeights"/> if needed and describes its saved state in
    /// Keras 3 order: <c>iteration</c> (int64 scalar), <c>learning_rate</c> (float32 scalar; absent with a
    /// <see cref="Schedule"/>, for which Keras creates no variable), then the slots.</summary>
    /// <param name="trainableWeights">The model's trainable weights, in model order.</param>
    /// <returns>Each entry's path (<c>adam/iteration</c>), shape and dtype.</returns>
    internal IReadOnlyList<(string Path, Shape Shape, string DType)> StateSpec(IReadOnlyList<Variable> trainableWeights)
    {
        Build(trainableWeights);
        var spec = new List<(string, Shape, string)> { ($"{Name}/iteration", new Shape(), "int64") };
        if (Schedule is null)
        {
            spec.Add(($"{Name}/learning_rate", new Shape(), "float32"));
        }
        spec.AddRange(SlotsInKerasOrder.Select(v => (v.Path, v.Shape, v.DType)));
        return spec;
    }

    /// <summary>The saved state in Keras 3 order (see <see cref="StateSpec"/>), as fresh CPU tensors the caller
    /// owns; empty when the optimizer was never built (Keras then saves no optimizer variables either).</summary>
    internal IReadOnlyList<(string Path, Tensor Value)> GetState()
    {
        if (!Built)
        {
            return [];
        }
        var state = new List<(string, Tensor)> { ($"{Name}/iteration", Ops.Full([], Iterations, "int64")) };
        if (Schedule is null)
        {
            state.Add(($"{Name}/learning_rate", Ops.Full([], (float)LearningRate, "float32")));
        }
        state.AddRange(SlotsInKerasOrder.Select(v => (v.Path, v.Numpy())));
        return state;
    }

    /// <summary>Restores the state written by <see cref="GetState"/>: the optimizer is built for
    /// <paramref name="trainableWeights"/> first; counts and shapes are checked before anything is assigned.</summary>
    /// <param name="trainableWeights">The model's trainable weights, in model order.</param>
    /// <param name="values">The values in <see cref="StateSpec"/> order.</param>
    /// <param name="file">The file they came from, for messages.</param>
    /// <exception cref="KerasFileException">The count or a shape differs from what this optimizer needs.</exception>
    internal void SetState(IReadOnlyList<Variable> trainableWeights, IReadOnlyList<Tensor> values, string? file)
    {
        var spec = StateSpec(trainableWeights);
        if (values.Count != spec.Count)
        {
            throw new KerasFileException(
                $"Cannot restore the state of optimizer \"{Name}\" ({GetType().Name}) from " +
                $"{KerasFileException.Describe(file)}: the file has {values.Count} optimizer variables but the optimizer " +
                $"built for the model's {trainableWeights.Count} trainable weights has {spec.Count}.", file);
        }
        for (int i = 0; i < values.Count; i++)
        {
            var shape = new Shape(values[i].shape);
            if (shape != spec[i].Shape)
            {
                throw new KerasFileException(
                    $"Cannot restore the state of optimizer \"{Name}\" from {KerasFileException.Describe(file)}: " +
                    $"variable {i} (\"{spec[i].Path}\") has shape {shape} in the file but {spec[i].Shape} in the " +
                    "optimizer.", file);
            }
        }
        using var scope = KerasBackend.Current.MemoryScope();
        Iterations = values[0].to_type(torch.ScalarType.Int64).item<long>();
        int firstSlot = 1;
        if (Schedule is null)
        {
            LearningRate = FromFloat32(values[1].to_type(torch.ScalarType.Float32).item<float>());
            firstSlot = 2;
        }
        var slots = SlotsInKerasOrder;
        for (int i = 0; i < slots.Count; i++)
        {
            slots[i].Assign(values[i + firstSlot].to(slots[i].Value.dtype, slots[i].Value.device));
        }
    }

    /// <summary>The shortest decimal double that rounds to <paramref name="value"/>: Keras keeps the learning rate in
    /// a float32 variable (0.001 is stored as 0.0010000000474974513); reading it back this way gives 0.001 again, so
    /// training resumes with the rate it was given.</summary>
    internal static double FromFloat32(float value) =>
        double.Parse(value.ToString("R", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    /// <summary>Interleaves slot lists per variable, as Keras' <c>add_optimizer_variables(vars, [a, b])</c> creates
    /// them: <c>a₀, b₀, a₁, b₁, …</c>.</summary>
    private protected static IReadOnlyList<Variable> Interleave(IReadOnlyList<Variable> first,
        IReadOnlyList<Variable> second) =>
        first.Zip(second, (a, b) => new[] { a, b }).SelectMany(pair => pair).ToList();
}
