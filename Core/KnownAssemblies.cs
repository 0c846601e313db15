using System.Reflection;
using System.Runtime.CompilerServices;

namespace Keras;

/// <summary>Loads Keras.Net's own optional assemblies by their fixed names and runs their module initializers, which
/// register what they add (model kinds, inference backends). Names read from files or users never reach here.</summary>
internal static class KnownAssemblies
{
    /// <summary>Loads each assembly that is deployed; one that is not is skipped (what it would register stays
    /// unknown, and the registry's own error lists what is known).</summary>
    /// <param name="names">Fixed assembly names, e.g. <c>Keras.Net.Functional</c>.</param>
    internal static void LoadDeployed(IEnumerable<string> names)
    {
        foreach (var name in names)
        {
            try
            {
                var assembly = Assembly.Load(new AssemblyName(name));
                RuntimeHelpers.RunModuleConstructor(assembly.ManifestModule.ModuleHandle);
            }
            catch (FileNotFoundException)
            {
                // Not deployed.
            }
        }
    }
}
