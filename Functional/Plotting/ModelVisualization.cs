namespace Keras;

/// <summary>Draws a model's layer graph, as <c>keras.utils.plot_model</c> and <c>keras.utils.model_to_dot</c>; these
/// are added to <see cref="Utils"/> (<c>Utils.PlotModel</c>, <c>Utils.ModelToDot</c>).</summary>
/// <remarks>The drawing is made here, without Graphviz: boxes on ranks in call order, arrows from the layer that
/// produced each input, shared layers as one box with several arrows, nested models as one box or, with
/// <c>expandNested</c>, as a dashed frame around their layers. Files are SVG or Graphviz DOT source.</remarks>
/// <example><code>
/// var title = new Input([8], name: "title");
/// var tags = new Input([4], name: "tags");
/// var shared = new Dense(16, activation: "relu", name: "shared");
/// var a = shared.Call(new Dense(16, name: "title_proj").Call(title));
/// var b = shared.Call(new Dense(16, name: "tags_proj").Call(tags));
/// var priority = new Dense(1, name: "priority").Call(a);
/// var department = new Dense(3, activation: "softmax", name: "department").Call(b);
/// var model = new Functional([title, tags], [priority, department]);
/// Utils.PlotModel(model, "model.svg", showShapes: true, showLayerNames: true);
/// string dot = Utils.ModelToDot(model, rankdir: "LR");
/// </code></example>
public static class ModelVisualization
{
    extension(Utils)
    {
        /// <summary>Returns the model's graph as Graphviz DOT source, as <c>keras.utils.model_to_dot</c> (which returns
        /// a pydot object): Keras' graph attributes and HTML-like table labels, one node per layer and one edge per
        /// distinct producer/consumer pair.</summary>
        /// <param name="model">A built model: functional, Sequential, or a subclassed model (drawn as one box).</param>
        /// <param name="showShapes">Whether to show each layer's input and output shapes. Defaults to false.</param>
        /// <param name="showDtype">Whether to show each layer's output dtype. Defaults to false.</param>
        /// <param name="showLayerNames">Whether to show layer names next to class names. Defaults to true.</param>
        /// <param name="rankdir"><c>"TB"</c> for a vertical plot, <c>"LR"</c> for a horizontal one (also <c>"BT"</c>,
        /// <c>"RL"</c>). Defaults to <c>"TB"</c>.</param>
        /// <param name="expandNested">Whether to draw nested functional and Sequential models as clusters of their
        /// layers. Defaults to false.</param>
        /// <param name="dpi">The image resolution in dots per inch. Defaults to 200.</param>
        /// <param name="showLayerActivations">Whether to show the activation of layers that have one. Defaults to
        /// false.</param>
        /// <param name="showTrainable">Whether to show if layers with weights are trainable. Defaults to false.</param>
        /// <param name="splines">How edges are drawn: <c>"ortho"</c> (right angles), <c>"curved"</c>, <c>"spline"</c>,
        /// <c>"polyline"</c> or <c>"line"</c>. Defaults to <c>"ortho"</c>.</param>
        /// <returns>The DOT source.</returns>
        /// <exception cref="ArgumentException">The model is not built, or an option is invalid.</exception>
        public static string ModelToDot(Model model, bool showShapes = false, bool showDtype = false,
            bool showLayerNames = true, string rankdir = "TB", bool expandNested = false, int dpi = 200,
            bool showLayerActivations = false, bool showTrainable = false, string splines = "ortho")
        {
            ArgumentNullException.ThrowIfNull(model);
            var options = PlotOptions.Create(showShapes, showDtype, showLayerNames, rankdir, expandNested, dpi,
                showLayerActivations, showTrainable, splines);
            return DotWriter.Write(PlotGraphBuilder.Build(model, options));
        }

        /// <summary>Draws the model's layer graph to a file, as <c>keras.utils.plot_model</c>: an SVG image for
        /// <c>.svg</c>, DOT source for <c>.dot</c> and <c>.gv</c>. The file is written atomically.</summary>
        /// <param name="model">A built model: functional, Sequential, or a subclassed model (drawn as one box).</param>
        /// <param name="toFile">The file to write; its extension picks the format.</param>
        /// <param name="showShapes">Whether to show each layer's input and output shapes. Defaults to false.</param>
        /// <param name="showDtype">Whether to show each layer's output dtype. Defaults to false.</param>
        /// <param name="showLayerNames">Whether to show layer names next to class names. Defaults to false, as
        /// Keras' <c>plot_model</c>.</param>
        /// <param name="rankdir"><c>"TB"</c> for a vertical plot, <c>"LR"</c> for a horizontal one (also <c>"BT"</c>,
        /// <c>"RL"</c>). Defaults to <c>"TB"</c>.</param>
        /// <param name="expandNested">Whether to draw nested functional and Sequential models as clusters of their
        /// layers. Defaults to false.</param>
        /// <param name="dpi">The image resolution in dots per inch: the SVG's size in pixels is its size in inches
        /// times <paramref name="dpi"/>. Defaults to 200.</param>
        /// <param name="showLayerActivations">Whether to show the activation of layers that have one. Defaults to
        /// false.</param>
        /// <param name="showTrainable">Whether to show if layers with weights are trainable. Defaults to false.</param>
        /// <param name="splines">How edges are drawn: <c>"ortho"</c> (right angles), <c>"curved"</c>, <c>"spline"</c>,
        /// <c>"polyline"</c> or <c>"line"</c>. Defaults to <c>"ortho"</c>.</param>
        /// <exception cref="NotSupportedException">The extension is not <c>.svg</c>, <c>.dot</c> or <c>.gv</c>
        /// (PNG and PDF need Graphviz, which is not used here).</exception>
        /// <exception cref="ArgumentException">The model is not built, or an option is invalid.</exception>
        public static void PlotModel(Model model, string toFile, bool showShapes = false, bool showDtype = false,
            bool showLayerNames = false, string rankdir = "TB", bool expandNested = false, int dpi = 200,
            bool showLayerActivations = false, bool showTrainable = false, string splines = "ortho")
        {
            ArgumentNullException.ThrowIfNull(model);
            ArgumentException.ThrowIfNullOrWhiteSpace(toFile);
            string extension = Path.GetExtension(toFile).ToLowerInvariant();
            if (extension is not (".svg" or ".dot" or ".gv"))
            {
                string received = extension.Length == 0 ? "a file without extension" : $"\"{extension}\" files";
                throw new NotSupportedException(
                    $"`PlotModel` cannot write {received} (toFile=\"{toFile}\"). Supported formats: .svg (an SVG " +
                    "image) and .dot or .gv (Graphviz DOT source). PNG and PDF need Graphviz, which Keras.Net does " +
                    "not use: write a .dot file and run `dot -Tpng model.dot -o model.png`, or convert the .svg.");
            }
            var options = PlotOptions.Create(showShapes, showDtype, showLayerNames, rankdir, expandNested, dpi,
                showLayerActivations, showTrainable, splines);
            var graph = PlotGraphBuilder.Build(model, options);
            string text = extension == ".svg"
                ? SvgWriter.Write(graph, LayeredLayout.Compute(graph))
                : DotWriter.Write(graph);
            AtomicFile.WriteText(toFile, text);
        }
    }
}
