namespace Keras.Saving.KerasV3;

/// <summary>Keras 3's saveable walk (<c>saving_lib._save_state</c> / <c>_save_container_state</c>): lists every
/// <c>vars</c> group of a model's <c>.weights.h5</c> with the path Keras gives it.</summary>
/// <remarks>A model's <c>layers</c> come first, each under <c>layers/&lt;snake_case(class)&gt;</c> with <c>_1</c>,
/// <c>_2</c>… for repeated classes in the same container; then every layer's sublayers under their Keras attribute
/// names (<see cref="Layer.SaveableChildren"/>); an object reached twice (a shared layer) keeps its first path.</remarks>
internal static class SaveableWalk
{
    /// <summary>The groups of <paramref name="model"/> and its layers (the optimizer's <c>optimizer/vars</c> is
    /// handled by <see cref="WeightsFileWriter"/> and <see cref="WeightsFileReader"/>).</summary>
    /// <param name="model">The model.</param>
    public static IReadOnlyList<SaveableEntry> Walk(Model model)
    {
        var entries = new List<SaveableEntry>();
        Visit(model, "", new HashSet<Layer>(ReferenceEqualityComparer.Instance), entries);
        return entries;
    }

    /// <summary>Keras' container slot names for a list of layers: <c>dense</c>, <c>dense_1</c>, <c>dropout</c>…</summary>
    /// <param name="layers">The container's layers, in order.</param>
    public static IEnumerable<(string Slot, Layer Layer)> ContainerSlots(IEnumerable<Layer> layers)
    {
        var used = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var layer in layers)
        {
            string slot = LayerNames.ToSnakeCase(layer.ClassName);
            if (used.TryGetValue(slot, out int count))
            {
                used[slot] = ++count;
                slot = $"{slot}_{count}";
            }
            else
            {
                used[slot] = 0;
            }
            yield return (slot, layer);
        }
    }

    private static void Visit(Layer layer, string path, HashSet<Layer> visited, List<SaveableEntry> entries)
    {
        if (!visited.Add(layer))
        {
            return;
        }
        entries.Add(new SaveableEntry(path, layer.Name, layer.OwnVariablesInSavingOrder, layer));
        if (layer is Model model)
        {
            foreach (var (slot, child) in ContainerSlots(model.Layers))
            {
                Visit(child, Join(path, $"layers/{slot}"), visited, entries);
            }
        }
        foreach (var child in layer.SaveableChildren)
        {
            if (child.Layer is null)
            {
                entries.Add(new SaveableEntry(Join(path, child.Attribute), child.PlaceholderName ?? child.Attribute,
                    [], null));
            }
            else
            {
                Visit(child.Layer, Join(path, child.Attribute), visited, entries);
            }
        }
    }

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}/{name}";
}
