namespace Keras;

public abstract partial class Layer
{
    private long _structureVersion = Backend.StateClock.Next();

    /// <summary>A stamp that grows whenever this layer's weights or structure change: a write to any of its
    /// variables or its sublayers' (<c>SetWeights</c>, weight loading, <c>Fit</c>, moving statistics), a sublayer
    /// added or removed (<c>Sequential.Add</c>/<c>Pop</c>), or new weights created by a build.</summary>
    /// <remarks>Inference backends that compile the model (ONNX Runtime) key their cache on it. Costs one walk over
    /// the layer tree; writing into <see cref="Variable.Value"/> in place directly is not seen.</remarks>
    /// <example><code>
    /// long before = model.StateVersion;
    /// model.Layers[0].SetWeights(weights);
    /// Debug.Assert(model.StateVersion &gt; before);
    /// </code></example>
    public long StateVersion
    {
        get
        {
            long version = _structureVersion;
            foreach (var variable in _variables)
            {
                version = Math.Max(version, variable.Version);
            }
            foreach (var layer in _layers)
            {
                version = Math.Max(version, layer.StateVersion);
            }
            return version;
        }
    }
}
