namespace Keras.Saving.Tfjs;

/// <summary>Finds the model variable a tfjs weight name refers to, the way tfjs' <c>Container.loadWeights</c>
/// matches names.</summary>
/// <remarks>tfjs names a variable by the name scopes it was built in: <c>dense/kernel</c>, an RNN's
/// <c>lstm/kernel</c> (no cell scope), a wrapper's <c>bidirectional/forward_lstm/kernel</c>, and a nested model's
/// <c>inner_dense/kernel</c> (its layers keep their own scopes). Files converted from Keras may carry the cell
/// (<c>lstm/lstm_cell/kernel</c>), which tfjs drops by removing the second-to-last component, and a trailing
/// <c>:0</c>. Each variable is therefore known under its full layer path, that path without its owner (the
/// cell), and its owner's name alone; a name shared by two variables is ambiguous and matches neither.</remarks>
internal sealed class TfjsWeightNames
{
    private readonly Dictionary<string, Variable?> _byName = new(StringComparer.Ordinal);

    /// <summary>Indexes every weight of the model's layers.</summary>
    /// <param name="model">The model being loaded.</param>
    public TfjsWeightNames(Model model)
    {
        foreach (var layer in model.Layers)
        {
            Index(layer, []);
        }
    }

    /// <summary>Every variable of the model, in model order.</summary>
    public List<Variable> All { get; } = [];

    /// <summary>The variable a tfjs weight name refers to, or null.</summary>
    /// <param name="name">The name from the manifest.</param>
    public Variable? Find(string name)
    {
        if (name.EndsWith(":0", StringComparison.Ordinal))
        {
            name = name[..^2];
        }
        if (_byName.TryGetValue(name, out var exact) && exact is not null)
        {
            return exact;
        }
        var tokens = name.Split('/');
        if (tokens.Length < 3)
        {
            return null;
        }
        string shortened = string.Join('/', tokens[..^2].Append(tokens[^1]));
        return _byName.TryGetValue(shortened, out var match) ? match : null;
    }

    private void Index(Layer layer, List<string> scopes)
    {
        var path = new List<string>(scopes) { layer.Name };
        var inherited = layer.Sublayers.SelectMany(s => s.Weights).ToHashSet();
        foreach (var variable in layer.Weights.Where(v => !inherited.Contains(v)))
        {
            All.Add(variable);
            Add(string.Join('/', path.Append(variable.Name)), variable);
            if (path.Count > 1)
            {
                Add(string.Join('/', path.Take(path.Count - 1).Append(variable.Name)), variable);
            }
            Add($"{layer.Name}/{variable.Name}", variable);
        }
        foreach (var sublayer in layer.Sublayers)
        {
            Index(sublayer, path);
        }
    }

    private void Add(string name, Variable variable)
    {
        if (_byName.TryGetValue(name, out var existing) && !ReferenceEquals(existing, variable))
        {
            _byName[name] = null;
            return;
        }
        _byName[name] = variable;
    }
}
