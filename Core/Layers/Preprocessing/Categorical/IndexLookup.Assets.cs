using System.Globalization;
using System.Text;
using Keras.Saving.KerasV3;

namespace Keras.Layers;

public abstract partial class IndexLookup<T> : IKerasAssets
{
    private const string VocabularyFile = "vocabulary.txt";

    /// <summary>Keras' <c>save_assets</c>: an adapted (or set) vocabulary, special tokens included, one term per line;
    /// nothing when the vocabulary was given to the constructor (it is in the config).</summary>
    IReadOnlyDictionary<string, byte[]> IKerasAssets.SaveAssets()
    {
        if (_inputVocabulary is not null || _terms is null)
        {
            return new Dictionary<string, byte[]>();
        }
        if (OutputMode == "tf_idf")
        {
            // Keras keeps adapted IDF weights in the weights file under the non-numeric key "idf_weights".
            throw new NotSupportedException(
                $"Layer \"{Name}\" ({ClassName}) has an adapted vocabulary with tf_idf weights, which Keras.Net cannot " +
                "save to a .keras archive yet. Pass `vocabulary` and `idfWeights` to the constructor instead of " +
                "adapting, so that they are stored in the config.");
        }
        var lines = GetVocabulary(includeSpecialTokens: true)
            .Select(term => Convert.ToString(term, CultureInfo.InvariantCulture));
        return new Dictionary<string, byte[]> { [VocabularyFile] = Encoding.UTF8.GetBytes(string.Join("\n", lines)) };
    }

    /// <summary>Keras' <c>load_assets</c>: sets the vocabulary from <c>vocabulary.txt</c> unless the config gave
    /// one.</summary>
    void IKerasAssets.LoadAssets(IReadOnlyDictionary<string, byte[]> files)
    {
        if (_inputVocabulary is not null || !files.TryGetValue(VocabularyFile, out var bytes))
        {
            return;
        }
        var lines = Encoding.UTF8.GetString(bytes).Split('\n');
        SetVocabulary(typeof(T) == typeof(string)
            ? lines.Cast<T>()
            : lines.Select(line => (T)(object)long.Parse(line, NumberStyles.Integer, CultureInfo.InvariantCulture)));
    }
}
