using System.Text;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Primitives;

namespace Jobbtorg.Features.Shared;

/// <summary>
/// Text that arrives outside a JSON body follows the rules of <see cref="Input"/> too:
/// - the API's query-string and route values: a NUL or an undecodable character is a 400 naming the parameter, never a
///   value handed to the database;
/// - a page's form: the framework refuses a whole form holding an encoded NUL (%00) with a bare 400 page, and keeps
///   percent-encoded bytes that are not UTF-8 as the literal text "%FF". Such a form is read here instead, with the NUL
///   kept and the bytes marked as unreadable (U+FFFD), so that the field's binder names the field in a form error.
/// </summary>
public static class InputChecks
{
    /// <summary>Forms larger than this are left to the framework and its limits.</summary>
    private const int MaxFormBytes = 4 * 1024 * 1024;
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static IApplicationBuilder UseInputChecks(this IApplicationBuilder app)
    {
        app.UseWhen(ctx => ctx.Request.Path.StartsWithSegments("/api"), api => api.Use(async (http, next) =>
        {
            var texts = http.RequestServices.GetRequiredService<Texts>();
            var errors = new Dictionary<string, string[]>();
            foreach (var (name, values) in http.Request.Query)
                foreach (var value in values.Prepend(name))
                    if (Input.TextProblem(value) is { } problem)
                        errors[Input.TextProblem(name) is null ? name : "query"] = [texts[problem]];
            foreach (var (name, value) in http.Request.RouteValues)
                if (value is string text && Input.TextProblem(text) is { } problem)
                    errors[name] = [texts[problem]];
            if (errors.Count == 0)
            {
                await next(http);
                return;
            }
            await TypedResults.ValidationProblem(errors, title: texts["The request could not be read"]).ExecuteAsync(http);
        }));
        app.UseWhen(ctx => !ctx.Request.Path.StartsWithSegments("/api") && HttpMethods.IsPost(ctx.Request.Method)
                           && IsUtf8Form(ctx.Request.ContentType)
                           && ctx.Request.ContentLength is null or <= MaxFormBytes,
            pages => pages.Use(async (http, next) =>
            {
                await ReadFormWithRefusedTextAsync(http);
                await next(http);
            }));
        return app;
    }

    /// <summary>A form as browsers send it: URL-encoded, UTF-8 unless another character set is named.</summary>
    private static bool IsUtf8Form(string? contentType) =>
        Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var type)
        && type.MediaType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase)
        && (type.Charset.Length == 0 || type.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase));

    /// <summary>Reads the form when it holds a NUL or bytes that are not UTF-8; otherwise leaves it to the framework.</summary>
    private static async Task ReadFormWithRefusedTextAsync(HttpContext http)
    {
        http.Request.EnableBuffering();
        using var body = new MemoryStream();
        var chunk = new byte[1 << 16];
        int read;
        while ((read = await http.Request.Body.ReadAsync(chunk, http.RequestAborted)) > 0)
        {
            // A larger form (one sent without a length, say) is left to the framework and its limits.
            if (body.Length + read > MaxFormBytes)
            {
                http.Request.Body.Position = 0;
                return;
            }
            body.Write(chunk, 0, read);
        }
        http.Request.Body.Position = 0;

        var fields = new Dictionary<string, StringValues>(StringComparer.OrdinalIgnoreCase);
        var refused = false;
        var raw = body.GetBuffer().AsSpan(0, (int)body.Length);
        while (!raw.IsEmpty)
        {
            var amp = raw.IndexOf((byte)'&');
            var pair = amp < 0 ? raw : raw[..amp];
            raw = amp < 0 ? [] : raw[(amp + 1)..];
            if (pair.IsEmpty) continue;
            var eq = pair.IndexOf((byte)'=');
            var key = Decode(eq < 0 ? pair : pair[..eq], ref refused);
            var value = eq < 0 ? "" : Decode(pair[(eq + 1)..], ref refused);
            fields[key] = StringValues.Concat(fields.GetValueOrDefault(key), value);
        }
        if (refused) http.Features.Set<IFormFeature>(new FormFeature(new FormCollection(fields)));
    }

    /// <summary>Form decoding ('+' is a space, %XX a byte) to UTF-8 text; a NUL or an undecodable byte sets
    /// <paramref name="refused"/>, the NUL kept and the byte read as U+FFFD.</summary>
    private static string Decode(ReadOnlySpan<byte> encoded, ref bool refused)
    {
        var bytes = new byte[encoded.Length];
        var n = 0;
        for (var i = 0; i < encoded.Length; i++)
        {
            var b = encoded[i];
            if (b == '+') b = (byte)' ';
            else if (b == '%' && i + 2 < encoded.Length && Uri.IsHexDigit((char)encoded[i + 1]) && Uri.IsHexDigit((char)encoded[i + 2]))
            {
                b = (byte)(Uri.FromHex((char)encoded[i + 1]) * 16 + Uri.FromHex((char)encoded[i + 2]));
                i += 2;
            }
            if (b == 0) refused = true;
            bytes[n++] = b;
        }
        try
        {
            return StrictUtf8.GetString(bytes, 0, n);
        }
        catch (DecoderFallbackException)
        {
            refused = true;
            return Encoding.UTF8.GetString(bytes, 0, n);
        }
    }
}
