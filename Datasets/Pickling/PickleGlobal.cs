namespace Keras.Datasets.Pickling;

/// <summary>The only Python globals a dataset pickle may name: what numpy needs to rebuild an array.</summary>
/// <remarks>The same allow-list as Keras' <c>RestrictedUnpickler</c> (<c>keras/src/datasets/npz_utils.py</c>);
/// nothing is ever called, the unpickler only records which of these a <c>REDUCE</c> names.</remarks>
internal enum PickleGlobal
{
    /// <summary><c>numpy.core.multiarray._reconstruct</c> (or numpy 2's <c>numpy._core.multiarray</c>).</summary>
    Reconstruct,

    /// <summary><c>numpy.ndarray</c>.</summary>
    NdArray,

    /// <summary><c>numpy.dtype</c>.</summary>
    Dtype,
}
