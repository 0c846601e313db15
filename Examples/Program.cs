using Keras.Examples;

return ExampleRunner.Run(args);
