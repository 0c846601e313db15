using Keras.Regularizers;

namespace Keras;

public abstract partial class Layer
{
    [ThreadStatic]
    private static int _callDepth;

    // The layers that added losses since the outermost call began: clearing them is all a new call needs (no walk
    // of the layer tree on every step).
    [ThreadStatic]
    private static List<Layer>? _layersWithCallLosses;

    private readonly List<Tensor> _callLosses = [];

    /// <summary>A penalty on the layer's outputs added to the loss (Keras' <c>activity_regularizer</c>).</summary>
    public Regularizer? ActivityRegularizer { get; set; }

    /// <summary>The losses of the most recent call: those added with <see cref="AddLoss"/> (activity penalties
    /// included) and the penalties of trainable weights with a regularizer, this layer's and its sublayers'.</summary>
    /// <remarks>The model adds their sum to the compiled loss in every training step. A new outermost call clears
    /// the previous call's losses.</remarks>
    public IReadOnlyList<Tensor> Losses
    {
        get
        {
            var losses = new List<Tensor>();
            foreach (var layer in SelfAndSublayers())
            {
                losses.AddRange(layer._callLosses);
                if (!layer.Trainable)
                {
                    continue;
                }
                foreach (var variable in layer._variables)
                {
                    if (variable.Trainable && variable.Regularizer is { } regularizer)
                    {
                        losses.Add(regularizer.Call(variable.Value));
                    }
                }
            }
            return losses;
        }
    }

    /// <summary>Adds a loss tensor (0-d) computed during this call; it counts in the next loss computation.</summary>
    /// <param name="loss">The loss.</param>
    protected void AddLoss(Tensor loss)
    {
        if (_callLosses.Count == 0)
        {
            (_layersWithCallLosses ??= []).Add(this);
        }
        _callLosses.Add(loss);
    }

    /// <summary>The losses added during the current (or last) outermost call, by every layer it ran.</summary>
    internal static IEnumerable<Tensor> CurrentCallLosses() =>
        _layersWithCallLosses?.SelectMany(l => l._callLosses) ?? [];

    private void AddActivityLoss(Tensor output)
    {
        if (ActivityRegularizer is { } regularizer)
        {
            AddLoss(regularizer.Call(output));
        }
    }

    /// <summary>Starts a call; the outermost call forgets the losses of the previous one.</summary>
    private void BeginCall()
    {
        if (_callDepth++ == 0 && _layersWithCallLosses is { Count: > 0 } previous)
        {
            foreach (var layer in previous)
            {
                layer._callLosses.Clear();
            }
            previous.Clear();
        }
    }

    private static void EndCall() => _callDepth--;

    /// <summary>This layer and every layer below it, each once (shared layers are visited once).</summary>
    private List<Layer> SelfAndSublayers()
    {
        var seen = new HashSet<Layer>(ReferenceEqualityComparer.Instance);
        var order = new List<Layer>();
        var stack = new Stack<Layer>();
        stack.Push(this);
        while (stack.Count > 0)
        {
            var layer = stack.Pop();
            if (!seen.Add(layer))
            {
                continue;
            }
            order.Add(layer);
            for (int i = layer._layers.Count - 1; i >= 0; i--)
            {
                stack.Push(layer._layers[i]);
            }
        }
        return order;
    }
}
