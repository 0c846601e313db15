using Keras.Backend;

namespace Keras;

/// <summary>Keras utilities (<c>keras.utils</c>): seeding and session helpers. Other Keras.Net packages add members here.</summary>
/// <example><code>
/// Utils.SetRandomSeed(42);   // Fit runs repeat bit for bit on CPU
/// </code></example>
public static partial class Utils
{
    /// <summary>Seeds every random generator Keras.Net uses (weights, dropout, shuffling), as <c>keras.utils.set_random_seed</c>.</summary>
    /// <param name="seed">The seed.</param>
    public static void SetRandomSeed(int seed) => KerasBackend.Current.SetRandomSeed(seed);

    /// <summary>Resets automatic layer names so the next <c>Dense</c> is called <c>dense</c> again (<c>clear_session</c>).</summary>
    public static void ClearSession() => LayerNames.Reset();
}
