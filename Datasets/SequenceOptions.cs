namespace Keras.Datasets;

/// <summary>The arguments Keras' IMDB and Reuters loaders share, with Keras' meanings.</summary>
/// <param name="NumWords">Word indices kept below this; <see langword="null"/> or 0 keeps all but the largest.</param>
/// <param name="SkipTop">Word indices below this are cut too.</param>
/// <param name="Maxlen">Sequences this long or longer are dropped; <see langword="null"/> or 0 keeps all.</param>
/// <param name="Seed">numpy's <c>RandomState</c> seed.</param>
/// <param name="StartChar">Prepended to each sequence, or <see langword="null"/>.</param>
/// <param name="OovChar">Replaces cut words, or <see langword="null"/> to remove them.</param>
/// <param name="IndexFrom">Added to every word index.</param>
internal sealed record SequenceOptions(
    int? NumWords, int SkipTop, int? Maxlen, int Seed, int? StartChar, int? OovChar, int IndexFrom);
