using System.Text.Json.Nodes;
using Keras.Datasets;

namespace Keras.Tests.Datasets;

public sealed class SequenceDatasetTests : IDisposable
{
    private readonly DatasetTestEnvironment _env = new();

    public void Dispose() => _env.Dispose();

    public static TheoryData<string> ImdbCases => Names("imdb");

    public static TheoryData<string> ReutersCases => Names("reuters");

    [Theory]
    [MemberData(nameof(ImdbCases))]
    public void Imdb_MatchesKerasLoader(string name)
    {
        JsonObject c = Case("imdb", name);
        using TestFileServer server = DatasetFixtures.Serve("imdb.npz");

        var ((xTrain, yTrain), (xTest, yTest)) = Imdb.LoadData(
            Options(c["args"]!.AsObject()), "imdb.npz", _env.Sources(server.BaseUrl), DatasetFixtures.Sha256("imdb.npz"));

        Assert.Equal(DatasetFixtures.Sequences(c["train"]![0]), xTrain);
        Assert.Equal(DatasetFixtures.Ints(c["train"]![1]), yTrain);
        Assert.Equal(DatasetFixtures.Sequences(c["test"]![0]), xTest);
        Assert.Equal(DatasetFixtures.Ints(c["test"]![1]), yTest);
    }

    [Theory]
    [MemberData(nameof(ReutersCases))]
    public void Reuters_MatchesKerasLoader(string name)
    {
        JsonObject c = Case("reuters", name);
        JsonObject args = c["args"]!.AsObject();
        using TestFileServer server = DatasetFixtures.Serve("reuters.npz");

        var ((xTrain, yTrain), (xTest, yTest)) = Reuters.LoadData(Options(args),
            (double?)args["test_split"] ?? 0.2, "reuters.npz", _env.Sources(server.BaseUrl),
            DatasetFixtures.Sha256("reuters.npz"));

        Assert.Equal(DatasetFixtures.Sequences(c["train"]![0]), xTrain);
        Assert.Equal(DatasetFixtures.Ints(c["train"]![1]), yTrain);
        Assert.Equal(DatasetFixtures.Sequences(c["test"]![0]), xTest);
        Assert.Equal(DatasetFixtures.Ints(c["test"]![1]), yTest);
    }

    [Fact]
    public void Imdb_MaxlenKeepingNothing_ThrowsLikeKeras()
    {
        using TestFileServer server = DatasetFixtures.Serve("imdb.npz");
        var options = new SequenceOptions(null, 0, 2, 113, 1, 2, 3);

        var e = Assert.Throws<ArgumentException>(
            () => Imdb.LoadData(options, "imdb.npz", _env.Sources(server.BaseUrl), null));

        Assert.Contains("maxlen=2", e.Message);
    }

    [Fact]
    public void Reuters_ObjectArrayPickleCallingOsSystem_IsRefused()
    {
        using TestFileServer server = DatasetFixtures.Serve("reuters.npz=malicious_reuters.npz");

        var e = Assert.Throws<InvalidDataException>(() => Reuters.LoadData(
            new SequenceOptions(null, 0, null, 113, 1, 2, 3), 0.2, "reuters.npz", _env.Sources(server.BaseUrl), null));

        Assert.Contains("Refusing to deserialize `posix.system`", e.Message);
        Assert.Contains("reuters.npz/x.npy", e.Message);
        Assert.Empty(DatasetTestEnvironment.FilesUnder(_env.CacheRoot));
    }

    [Fact]
    public void WordIndexes_AreCheckedByKerasMd5AndParsed()
    {
        using TestFileServer server = DatasetFixtures.Serve("imdb_word_index.json", "reuters_word_index.json");

        Dictionary<string, int> imdb = Imdb.GetWordIndex(
            "imdb_word_index.json", _env.Sources(server.BaseUrl), DatasetFixtures.Md5("imdb_word_index.json"));
        Dictionary<string, int> reuters = Reuters.GetWordIndex(
            "reuters_word_index.json", _env.Sources(server.BaseUrl), DatasetFixtures.Md5("reuters_word_index.json"));

        Assert.Equal(new Dictionary<string, int> { ["the"] = 1, ["and"] = 2, ["a"] = 3, ["of"] = 4 }, imdb);
        Assert.Equal(5, reuters.Count);
        Assert.Equal(1, reuters["said"]);
    }

    [Fact]
    public void WordIndex_WrongMd5_ThrowsNamingBothHashes()
    {
        using TestFileServer server = DatasetFixtures.Serve("imdb_word_index.json");

        var e = Assert.Throws<InvalidDataException>(
            () => Imdb.GetWordIndex("imdb_word_index.json", _env.Sources(server.BaseUrl), Imdb.WordIndexMd5));

        Assert.Contains("md5", e.Message);
        Assert.Contains(Imdb.WordIndexMd5, e.Message);
        Assert.Contains(DatasetFixtures.Md5("imdb_word_index.json"), e.Message);
        Assert.Empty(DatasetTestEnvironment.FilesUnder(_env.CacheRoot));
    }

    [Fact]
    public void Reuters_LabelNames_AreKerasForty6Topics()
    {
        IReadOnlyList<string> names = Reuters.GetLabelNames();

        Assert.Equal(46, names.Count);
        Assert.Equal(["cocoa", "grain", "veg-oil", "earn"], names.Take(4));
        Assert.Equal("lead", names[45]);
    }

    private static SequenceOptions Options(JsonObject args) => new(
        NumWords: (int?)args["num_words"],
        SkipTop: (int?)args["skip_top"] ?? 0,
        Maxlen: (int?)args["maxlen"],
        Seed: (int?)args["seed"] ?? 113,
        StartChar: args.ContainsKey("start_char") ? (int?)args["start_char"] : 1,
        OovChar: args.ContainsKey("oov_char") ? (int?)args["oov_char"] : 2,
        IndexFrom: (int?)args["index_from"] ?? 3);

    private static JsonObject Case(string dataset, string name) => DatasetFixtures.Expected[dataset]!.AsArray()
        .Select(c => c!.AsObject()).Single(c => (string?)c["name"] == name);

    private static TheoryData<string> Names(string dataset) =>
        new(DatasetFixtures.Expected[dataset]!.AsArray().Select(c => (string)c!["name"]!));
}
