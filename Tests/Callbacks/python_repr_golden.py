# Prints Python's repr() of the floats checked by PythonFormatTests, as xunit InlineData lines: the oracle for the
# numbers in Keras-style messages. Run: /usr/bin/python3 Tests/Callbacks/python_repr_golden.py
values = [1.0, 0.5, 0.1, 0.001 * 0.1, 1e-5, 1.5e-5, 0.0, -2.5, 123456.789, 1e15, 1e16, 1.2345e16,
          1e22, 0.1 * 0.1, 5e-324, 1.7976931348623157e308, 100.0, 12.0, 0.2 + 0.1,
          float("nan"), float("inf"), float("-inf")]
special = {"nan": "double.NaN", "inf": "double.PositiveInfinity", "-inf": "double.NegativeInfinity"}
for v in values:
    literal = special.get(repr(v), repr(v))
    print(f'    [InlineData({literal}, "{v!r}")]')
