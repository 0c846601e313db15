namespace Keras.Training;

/// <summary>Matches user data (single value, list or dictionary) to a model's named inputs or outputs.</summary>
internal static class DataStructure
{
    internal static IReadOnlyList<ArrayLike> Flatten(ArrayLike value, IReadOnlyList<string> names, string argument,
        string modelName)
    {
        if (value.IsDictionary)
        {
            var named = value.Named;
            var unknown = named.Keys.Where(k => !names.Contains(k)).ToList();
            var missing = names.Where(n => !named.ContainsKey(n)).ToList();
            if (unknown.Count > 0 || missing.Count > 0)
            {
                throw new ArgumentException(
                    $"Argument `{argument}` of model \"{modelName}\" is keyed by [{string.Join(", ", named.Keys)}], " +
                    $"expected exactly [{string.Join(", ", names)}].", argument);
            }
            return names.Select(n => named[n]).ToList();
        }
        if (value.IsList)
        {
            if (value.Items.Count != names.Count)
            {
                throw new ArgumentException(
                    $"Model \"{modelName}\" expects {names.Count} {Kind(argument)}(s) ({string.Join(", ", names)}) " +
                    $"but argument `{argument}` has {value.Items.Count} items.", argument);
            }
            return value.Items;
        }
        if (names.Count != 1)
        {
            throw new ArgumentException(
                $"Model \"{modelName}\" expects {names.Count} {Kind(argument)}s ({string.Join(", ", names)}) but " +
                $"argument `{argument}` is a single array. Pass a list in that order or a dictionary by name.", argument);
        }
        return [value];
    }

    private static string Kind(string argument) => argument == "x" ? "input" : "output";
}
