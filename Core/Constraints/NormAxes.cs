namespace Keras.Constraints;

/// <summary>The axis or axes along which a norm constraint measures weight norms, as Keras' <c>axis</c> argument (an
/// integer or a list of integers).</summary>
internal sealed class NormAxes
{
    private readonly bool _single;

    private NormAxes(long[] axes, bool single)
    {
        Axes = axes;
        _single = single;
    }

    /// <summary>The axes.</summary>
    internal long[] Axes { get; }

    internal static NormAxes Of(int axis) => new([axis], single: true);

    internal static NormAxes Of(int[] axes, string argument)
    {
        ArgumentNullException.ThrowIfNull(axes, argument);
        if (axes.Length == 0)
        {
            throw new ArgumentException($"`{argument}` must name at least one axis. Received: {argument}=[]", argument);
        }
        return new(axes.Select(a => (long)a).ToArray(), single: false);
    }

    /// <summary>The config value: an integer, or a list when constructed from one.</summary>
    internal object ConfigValue => _single ? (int)Axes[0] : Axes.Select(a => (int)a).ToArray();

    /// <summary>The L2 norms of <paramref name="w"/> along the axes, kept as size-1 dimensions.</summary>
    internal Tensor Norms(Tensor w)
    {
        foreach (long axis in Axes)
        {
            if (axis < -w.dim() || axis >= w.dim())
            {
                throw new ArgumentException(
                    $"A norm constraint's axis {axis} is out of range for a weight of rank {w.dim()} " +
                    $"(shape {new Shape(w.shape)}).", "w");
            }
        }
        return w.square().sum(Axes, keepdim: true).sqrt();
    }
}
