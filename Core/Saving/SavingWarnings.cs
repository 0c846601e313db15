namespace Keras.Saving;

/// <summary>Where loaders send Keras' warnings (skipped weights, a model saved without compile settings, an optimizer
/// state that did not fit): the error output, as Python's <c>warnings</c> and <c>logging</c> print them.</summary>
internal static class SavingWarnings
{
    /// <summary>Writes <c>WARNING: message</c> to <see cref="Console.Error"/>.</summary>
    internal static void ToConsole(string message) => Console.Error.WriteLine($"WARNING: {message}");
}
