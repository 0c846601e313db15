using System.Text.Json.Nodes;
using Keras.Saving;

namespace Keras.Layers;

/// <summary>Runs a recurrent layer forwards and a copy backwards over the sequence and merges their outputs
/// (<c>keras.layers.Bidirectional</c>).</summary>
/// <remarks>
/// <para>As in Keras, the forward layer is a fresh copy of <c>layer</c> (built from its config, named
/// <c>forward_{name}</c>) and the backward layer a copy with <c>go_backwards</c> (named <c>backward_{name}</c>) unless
/// <c>backwardLayer</c> is given; their weights, forward then backward, are this layer's. Returned backward sequences
/// are flipped back to the input's order, and when sequences are returned masked timesteps output zeros in both
/// directions (Keras forces <c>zero_output_for_mask</c>).</para>
/// <para>With <c>mergeMode: null</c> or a wrapped layer that returns states, the outputs are a list (list path):
/// <c>[merged (or forward, backward), *forward_states, *backward_states]</c>. Initial states are passed after the input,
/// the forward layer's first: <c>layer.Call([x, hf, cf, hb, cb])</c>.</para>
/// </remarks>
/// <example><code>
/// var model = new Sequential(new Input([5, 10]),
///     new Bidirectional(new LSTM(10, returnSequences: true)),
///     new Bidirectional(new LSTM(10)),
///     new Dense(5, activation: "softmax"));
/// </code></example>
public sealed class Bidirectional : Layer
{
    private static readonly string?[] MergeModes = ["sum", "mul", "ave", "concat", null];

    /// <summary>Creates the layer.</summary>
    /// <param name="layer">The recurrent layer to run in both directions (copied, as in Keras).</param>
    /// <param name="mergeMode">How the two outputs combine: <c>"concat"</c>, <c>"sum"</c>, <c>"mul"</c>,
    /// <c>"ave"</c>, or null to return both. Defaults to <c>"concat"</c>.</param>
    /// <param name="backwardLayer">The layer for the backward direction, used as is; it must have the opposite
    /// <c>goBackwards</c> and the same <c>stateful</c>, <c>returnSequences</c> and <c>returnState</c>. Defaults to a
    /// copy of <paramref name="layer"/>.</param>
    /// <param name="name">The layer name. Defaults to <c>bidirectional</c>, ...</param>
    /// <param name="trainable">Whether the weights train. Defaults to true.</param>
    public Bidirectional(RNN layer, string? mergeMode = "concat", RNN? backwardLayer = null, string? name = null,
        bool trainable = true)
        : base(name, trainable)
    {
        ArgumentNullException.ThrowIfNull(layer);
        if (!MergeModes.Contains(mergeMode))
        {
            throw new ArgumentException(
                $"Invalid merge mode. Received: {mergeMode}. Merge mode should be one of " +
                "{\"sum\", \"mul\", \"ave\", \"concat\", None}", nameof(mergeMode));
        }
        ForwardLayer = TrackLayer(Copy(layer, "forward_", goBackwards: null));
        BackwardLayer = TrackLayer(backwardLayer ?? Copy(layer, "backward_", goBackwards: true));
        Verify(ForwardLayer, BackwardLayer);
        ForwardLayer.ZeroOutputForMask = ForwardLayer.ReturnSequences;
        BackwardLayer.ZeroOutputForMask = BackwardLayer.ReturnSequences;
        MergeMode = mergeMode;
        SupportsMasking = true;
        InputSpec = layer.InputSpec;
        if (!trainable)
        {
            Trainable = false;
        }
    }

    /// <summary>The layer run forwards.</summary>
    public RNN ForwardLayer { get; }

    /// <summary>The layer run backwards.</summary>
    public RNN BackwardLayer { get; }

    /// <summary>How the outputs combine (<c>null</c>: both are returned).</summary>
    public string? MergeMode { get; }

    /// <summary>Whether sequences are returned.</summary>
    public bool ReturnSequences => ForwardLayer.ReturnSequences;

    /// <summary>Whether the final states of both directions are returned.</summary>
    public bool ReturnState => ForwardLayer.ReturnState;

    /// <summary>Whether both directions carry their states to the next call.</summary>
    public bool Stateful => ForwardLayer.Stateful;

    /// <summary>Zeroes the carried states of both directions (stateful layers only).</summary>
    /// <exception cref="InvalidOperationException">The layer is not stateful.</exception>
    public void ResetStates()
    {
        if (!Stateful)
        {
            throw new InvalidOperationException("Layer must be stateful.");
        }
        ForwardLayer.ResetStates();
        BackwardLayer.ResetStates();
    }

    /// <inheritdoc />
    public override Shape ComputeOutputShape(Shape inputShape) => ComputeOutputShapes([inputShape])[0];

    /// <inheritdoc />
    public override IReadOnlyList<Shape> ComputeOutputShapes(IReadOnlyList<Shape> inputShapes)
    {
        var forward = ForwardLayer.ComputeOutputShapes([inputShapes[0]]);
        var output = forward[0];
        var states = forward.Skip(1).ToList();
        List<Shape> outputs = MergeMode switch
        {
            "concat" => [output.With(-1, output[-1] * 2)],
            null => [output, output],
            _ => [output],
        };
        return [.. outputs, .. states, .. states];
    }

    /// <inheritdoc />
    public override Tensor? ComputeMask(Tensor inputs, Tensor? previousMask) => ReturnSequences ? previousMask : null;

    /// <inheritdoc />
    public override IReadOnlyList<Tensor?> ComputeMasks(IReadOnlyList<Tensor> inputs,
        IReadOnlyList<Tensor?> previousMasks, int outputCount)
    {
        var masks = new Tensor?[outputCount];
        int merged = MergeMode is null ? 2 : 1;
        for (int i = 0; i < merged && i < outputCount; i++)
        {
            masks[i] = ReturnSequences ? previousMasks[0] : null;
        }
        return masks;
    }

    /// <inheritdoc />
    public override Dictionary<string, object?> GetConfig()
    {
        var config = base.GetConfig();
        config["merge_mode"] = MergeMode;
        config["layer"] = ForwardLayer;
        config["backward_layer"] = BackwardLayer;
        return config;
    }

    /// <inheritdoc />
    protected override void BuildCore(Shape inputShape)
    {
        ForwardLayer.Build(inputShape);
        BackwardLayer.Build(inputShape);
    }

    /// <inheritdoc />
    protected override void BuildCore(IReadOnlyList<Shape> inputShapes) => BuildCore(inputShapes[0]);

    /// <inheritdoc />
    protected override Tensor CallCore(Tensor inputs, bool training) => CallCore(inputs, null, training);

    /// <inheritdoc />
    protected override Tensor CallCore(Tensor inputs, Tensor? mask, bool training)
    {
        if (MergeMode is null || ReturnState)
        {
            throw RecurrentErrors.NeedsList(Name,
                MergeMode is null ? "the forward and backward outputs (merge_mode=None)" : "its output and states");
        }
        var y = ForwardLayer.Call(inputs, training, mask);
        var yRev = BackwardLayer.Call(inputs, training, mask);
        return Merge(y, yRev)[0];
    }

    /// <inheritdoc />
    protected override IReadOnlyList<Tensor> CallCore(IReadOnlyList<Tensor> inputs, bool training) =>
        CallCore(inputs, new Tensor?[inputs.Count], training);

    /// <inheritdoc />
    protected override IReadOnlyList<Tensor> CallCore(IReadOnlyList<Tensor> inputs, IReadOnlyList<Tensor?> masks,
        bool training)
    {
        var states = inputs.Skip(1).ToList();
        if (states.Count % 2 != 0)
        {
            throw new ArgumentException(
                $"Layer \"{Name}\" received {states.Count} initial state tensors; it needs the forward layer's states " +
                "followed by the backward layer's, the same number for each.");
        }
        int half = states.Count / 2;
        var forward = ForwardLayer.Call([inputs[0], .. states.Take(half)], training, [masks[0], .. new Tensor?[half]]);
        var backward = BackwardLayer.Call([inputs[0], .. states.Skip(half)], training, [masks[0], .. new Tensor?[half]]);
        return [.. Merge(forward[0], backward[0]), .. forward.Skip(1), .. backward.Skip(1)];
    }

    private Tensor[] Merge(Tensor y, Tensor yRev)
    {
        if (ReturnSequences)
        {
            yRev = yRev.flip(1);
        }
        return MergeMode switch
        {
            "concat" => [Ops.Concatenate([y, yRev], -1)],
            "sum" => [y + yRev],
            "mul" => [y * yRev],
            "ave" => [(y + yRev).div_(2)],
            _ => [y, yRev],
        };
    }

    /// <summary>Keras' copy of the wrapped layer: its config with a prefixed name (and <c>go_backwards</c>), rebuilt
    /// through the registry so it carries no state of the original.</summary>
    private static RNN Copy(RNN layer, string prefix, bool? goBackwards)
    {
        var envelope = KerasSerialization.SerializeLayer(layer);
        var config = envelope["config"]!.AsObject();
        string name = layer.Name.StartsWith(prefix, StringComparison.Ordinal) ? layer.Name[prefix.Length..] : layer.Name;
        config["name"] = prefix + name;
        if (goBackwards is bool backwards)
        {
            config["go_backwards"] = JsonValue.Create(backwards);
        }
        return KerasSerialization.DeserializeLayer(envelope) as RNN
               ?? throw new ArgumentException(
                   $"Layer \"{layer.Name}\" could not be copied for Bidirectional: its config does not rebuild an RNN.");
    }

    private static void Verify(RNN forward, RNN backward)
    {
        if (forward.GoBackwards == backward.GoBackwards)
        {
            throw new ArgumentException(
                "Forward layer and backward layer should have different `go_backwards` value. Received: " +
                $"forward_layer.go_backwards {forward.GoBackwards}, backward_layer.go_backwards={backward.GoBackwards}");
        }
        foreach (var (attribute, f, b) in new[]
                 {
                     ("stateful", forward.Stateful, backward.Stateful),
                     ("return_sequences", forward.ReturnSequences, backward.ReturnSequences),
                     ("return_state", forward.ReturnState, backward.ReturnState),
                 })
        {
            if (f != b)
            {
                throw new ArgumentException(
                    $"Forward layer and backward layer are expected to have the same value for attribute " +
                    $"\"{attribute}\", got \"{f}\" for forward layer and \"{b}\" for backward layer");
            }
        }
    }

    /// <summary>Keras 3 stores the two directions under <c>backward_layer</c> and <c>forward_layer</c>.</summary>
    internal override IEnumerable<Saving.KerasV3.SaveableChild> SaveableChildren =>
        [new("backward_layer", BackwardLayer), new("forward_layer", ForwardLayer)];
}
