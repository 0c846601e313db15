using System.Text.Json;

namespace Keras.Datasets;

/// <summary>Reads Keras' word-index JSON files (<c>{"word": index, ...}</c>).</summary>
internal static class WordIndex
{
    /// <summary>Loads a word index, downloading it into the Keras cache on first use.</summary>
    /// <param name="spec">The file.</param>
    /// <param name="sources">Cache, origin and progress settings.</param>
    /// <returns>A fresh dictionary from word to index.</returns>
    internal static Dictionary<string, int> Load(DatasetFileSpec spec, DatasetSources sources) =>
        DatasetFile.Load(spec, sources, path =>
        {
            try
            {
                using FileStream stream = File.OpenRead(path);
                return JsonSerializer.Deserialize<Dictionary<string, int>>(stream)
                    ?? throw new InvalidDataException($"{path} holds null; expected a JSON object of word indices.");
            }
            catch (JsonException e)
            {
                throw new InvalidDataException(
                    $"{path} is not a word index (a JSON object of word to integer): {e.Message}", e);
            }
        });
}
