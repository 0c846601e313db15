namespace Keras.Saving.KerasV3;

/// <summary>A layer that keeps state outside its variables in a <c>.keras</c> archive's <c>assets/&lt;path&gt;/</c>
/// folder (Keras' <c>save_assets</c> / <c>load_assets</c>): the lookup layers' learned vocabularies.</summary>
internal interface IKerasAssets
{
    /// <summary>The files to store, by name relative to the layer's assets folder; empty when the state is already in
    /// the config.</summary>
    /// <exception cref="NotSupportedException">The state cannot be stored yet.</exception>
    IReadOnlyDictionary<string, byte[]> SaveAssets();

    /// <summary>Restores the state from the files of the layer's assets folder (none when it had nothing to
    /// store).</summary>
    /// <exception cref="FormatException">A file does not hold what the layer expects.</exception>
    void LoadAssets(IReadOnlyDictionary<string, byte[]> files);
}
