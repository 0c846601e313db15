using Keras.Layers;

namespace Keras.Tests.Saving.KerasV3;

/// <summary>Adapted vocabularies travel in <c>assets/&lt;path&gt;/vocabulary.txt</c>, as Keras 3 stores them.</summary>
public sealed class KerasArchiveAssetsTests
{
    [Fact]
    public void AdaptedIntegerLookup_VocabularyIsSavedAsAnAsset_AndRestored()
    {
        using var files = new KerasV3Files();
        var lookup = new IntegerLookup(outputMode: "multi_hot", name: "ids");
        lookup.Adapt(new long[] { 7, 7, 7, 3, 3, 42 });
        var inputs = new Input([3], dtype: "int64");
        using var model = new Functional(inputs, new Dense(2).Call(lookup.Call(inputs)));
        string path = files.PathOf("lookup.keras");
        model.Save(path);

        var layout = KerasV3Files.PythonLayout(path);
        Assert.Contains("member assets/layers/integer_lookup/vocabulary.txt 0", layout);
        using var loaded = Models.LoadModel(path);
        var restored = (IntegerLookup)loaded.GetLayer("ids");
        Assert.Equal(lookup.GetVocabulary(), restored.GetVocabulary());
        using var x = torch.tensor(new long[] { 7, 42, 5, 3, 3, 3 }).reshape(2, 3);
        using var expected = model.Call(x);
        using var actual = loaded.Call(x);
        Assert.Equal(KerasV3Files.Values(expected), KerasV3Files.Values(actual));
    }

    [Fact]
    public void ConstructorVocabulary_StaysInTheConfig_WithoutAssets()
    {
        using var files = new KerasV3Files();
        var inputs = new Input([2], dtype: "int64");
        using var model = new Functional(inputs,
            new IntegerLookup(vocabulary: [10, 20], outputMode: "multi_hot").Call(inputs));
        string path = files.PathOf("fixed.keras");
        model.Save(path);
        Assert.DoesNotContain(KerasV3Files.PythonLayout(path), line => line.StartsWith("member assets/"));
    }

    [Fact]
    public void AdaptedTfIdfLookup_IsRefusedOnSave_BeforeAnyFileIsWritten()
    {
        using var files = new KerasV3Files();
        var lookup = new IntegerLookup(outputMode: "tf_idf", name: "weighted");
        lookup.Adapt(new long[] { 1, 2, 2 });
        var inputs = new Input([3], dtype: "int64");
        using var model = new Functional(inputs, lookup.Call(inputs));
        var error = Assert.Throws<NotSupportedException>(() => model.Save(files.PathOf("tfidf.keras")));
        Assert.Contains("\"weighted\"", error.Message);
        Assert.Empty(files.Files());
    }
}
