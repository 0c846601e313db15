using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("Keras.Net.Tests")]
