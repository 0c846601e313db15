namespace Keras.Layers;

/// <summary>The timestep loop of <see cref="RNN"/>, with Keras 3's semantics (<c>keras.src.backend.*.rnn</c>).</summary>
internal static class RecurrentLoop
{
    /// <summary>Runs <paramref name="layer"/>'s cell over <paramref name="sequences"/>.</summary>
    /// <param name="layer">The layer (its cell and flags).</param>
    /// <param name="sequences">Inputs <c>(batch, time, *step)</c>.</param>
    /// <param name="initialStates">Initial states in Keras layout, or none for zeros (or the carried states of a
    /// stateful layer).</param>
    /// <param name="mask">A <c>(batch, time)</c> mask, or null.</param>
    /// <param name="training">Whether training (dropout).</param>
    /// <returns><c>[output]</c>, or <c>[output, *final_states]</c> with <c>return_state</c>.</returns>
    public static IReadOnlyList<Tensor> Run(RNN layer, Tensor sequences, IReadOnlyList<Tensor> initialStates,
        Tensor? mask, bool training)
    {
        var cell = layer.Cell;
        long batch = sequences.shape[0];
        long steps = sequences.shape[1];
        if (steps == 0)
        {
            throw new ArgumentException(
                $"Layer \"{layer.Name}\" received a sequence with no timesteps. Received: input.shape=" +
                $"{new Shape(sequences.shape)}");
        }
        var stepShape = RNN.StepShape(new Shape(sequences.shape));
        var expected = cell.StateShapes(stepShape);
        IReadOnlyList<Tensor> states = initialStates.Count > 0
            ? CheckStates(layer, initialStates, expected, batch)
            : layer.CarriedStates(batch, stepShape) ?? cell.GetInitialState(batch, stepShape);
        var keep = mask is null ? null : TimeMask(layer, mask, batch, steps);

        var (inputMasks, recurrentMasks) = cell.DrawDropoutMasks(sequences.select(1, 0), states[0], training);
        using var projected = cell.ProjectInputs(sequences, inputMasks);
        var current = states.Select(cell.StateToInternal).ToArray();
        var outputs = layer.ReturnSequences ? new List<Tensor>((int)steps) : null;
        Tensor? last = null;
        Tensor? zeros = null;
        Tensor? keepSteps = null; // the mask shaped (batch, time, 1...) once, to broadcast over each step's output
        for (long k = 0; k < steps; k++)
        {
            long t = layer.GoBackwards ? steps - 1 - k : k;
            using var input = projected.select(1, t);
            var result = cell.Step(input, current, recurrentMasks);
            var output = result[0];
            if (keep is not null)
            {
                // Keras 3: a masked step carries the states over and repeats the previous output (zeros before the
                // first step, or always zeros with zero_output_for_mask).
                keepSteps ??= keep.reshape([batch, steps, .. Enumerable.Repeat(1L, (int)output.dim() - 1)]);
                using var keepT = keepSteps.select(1, t);
                zeros ??= Ops.Zeros(output.shape, layer.DType);
                output = Ops.Where(keepT, output, layer.ZeroOutputForMask || last is null ? zeros : last);
                for (int i = 1; i < result.Length; i++)
                {
                    result[i] = Ops.Where(keepT, result[i], current[i - 1]);
                }
            }
            current = result[1..];
            last = output;
            outputs?.Add(output);
        }
        keepSteps?.Dispose();

        var finalStates = current.Select(cell.StateToKeras).ToArray();
        layer.CarryStates(finalStates);
        Tensor sequenceOutput = outputs is not null
            ? cell.SequenceToKeras(Ops.Stack(outputs, 1))
            : cell.StateToKeras(last!);
        if (!layer.ReturnState)
        {
            return [sequenceOutput];
        }
        // Distinct tensor objects, so each output carries its own mask.
        return [sequenceOutput, .. finalStates.Select(s => ReferenceEquals(s, sequenceOutput) ? s.alias() : s)];
    }

    private static IReadOnlyList<Tensor> CheckStates(RNN layer, IReadOnlyList<Tensor> states,
        IReadOnlyList<Shape> expected, long batch)
    {
        if (states.Count != expected.Count)
        {
            throw new ArgumentException(
                $"Layer \"{layer.Name}\" expects {expected.Count} initial state(s) (one per cell state, shapes " +
                $"{string.Join(", ", expected.Select(s => s.WithBatch((int)batch)))}), but it received " +
                $"{states.Count} initial state tensor(s).");
        }
        for (int i = 0; i < states.Count; i++)
        {
            var want = expected[i].WithBatch((int)batch);
            var got = new Shape(states[i].shape);
            if (got != want)
            {
                throw new ArgumentException(
                    $"Initial state {i} of layer \"{layer.Name}\" should have shape {want}. Received: " +
                    $"initial_state[{i}].shape={got}");
            }
        }
        return states;
    }

    private static Tensor TimeMask(RNN layer, Tensor mask, long batch, long steps)
    {
        if (mask.dim() != 2 || mask.shape[0] != batch || mask.shape[1] != steps)
        {
            throw new ArgumentException(
                $"Layer \"{layer.Name}\" expects a mask of shape ({batch}, {steps}) (batch, time). Received: " +
                $"mask.shape={new Shape(mask.shape)}");
        }
        return mask.dtype == torch.ScalarType.Bool ? mask : mask.to_type(torch.ScalarType.Bool);
    }
}
