namespace Sideman.Plugin; internal static class Program { private static int Main() => 0; }
