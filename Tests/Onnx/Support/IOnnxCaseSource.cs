namespace Keras.Tests.Onnx.Support;

/// <summary>A family's catalogue of ONNX export cases. Every implementation in the test assembly (with a parameterless
/// constructor) is also exported and checked by <c>OnnxCheckerTests</c>.</summary>
public interface IOnnxCaseSource
{
    /// <summary>The family's cases.</summary>
    /// <returns>The cases, with unique names.</returns>
    IEnumerable<OnnxCase> Cases();
}

/// <summary>Helpers to turn a catalogue into theory data.</summary>
public static class OnnxCaseSource
{
    /// <summary>The case names of a catalogue, for <c>[MemberData]</c>.</summary>
    /// <typeparam name="TSource">The catalogue.</typeparam>
    /// <returns>The names.</returns>
    public static TheoryData<string> Names<TSource>() where TSource : IOnnxCaseSource, new()
    {
        var data = new TheoryData<string>();
        foreach (var c in new TSource().Cases())
        {
            data.Add(c.Name);
        }
        return data;
    }

    /// <summary>Finds a case by name.</summary>
    /// <typeparam name="TSource">The catalogue.</typeparam>
    /// <param name="name">The case name.</param>
    /// <returns>The case.</returns>
    public static OnnxCase Get<TSource>(string name) where TSource : IOnnxCaseSource, new() =>
        new TSource().Cases().Single(c => c.Name == name);

    /// <summary>Every case of every catalogue in the test assembly.</summary>
    /// <returns>The cases.</returns>
    public static IEnumerable<OnnxCase> All() =>
        typeof(IOnnxCaseSource).Assembly.GetTypes()
            .Where(t => typeof(IOnnxCaseSource).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .SelectMany(t => ((IOnnxCaseSource)Activator.CreateInstance(t)!).Cases());
}
