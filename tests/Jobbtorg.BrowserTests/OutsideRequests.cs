using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.ExceptionServices;
using Microsoft.Playwright;

namespace Jobbtorg.BrowserTests;

/// <summary>
/// An internal system must not make a user's browser call any other host. Every context that
/// <see cref="BrowserFixture.NewContextAsync"/> hands out records each request its pages make to a host other than
/// the app under test, and closing or disposing it fails the test with the list. Chromium's own background traffic
/// (kept off by its flags anyway) is not a page's request and is not seen here.
/// </summary>
public static class OutsideRequests
{
    private static readonly ConcurrentDictionary<string, bool> AppAuthorities = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Called by the app server once it knows its address, e.g. http://127.0.0.1:43117.</summary>
    public static void AllowOrigin(string baseUrl) => AppAuthorities[new Uri(baseUrl).Authority] = true;

    /// <summary>Whether a request for <paramref name="url"/> leaves the app: data: and blob: addresses never do.</summary>
    public static bool IsOutside(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && uri.Scheme is "http" or "https" or "ws" or "wss"
        && !AppAuthorities.ContainsKey(uri.Authority);

    /// <summary>The context, watched; closing or disposing it throws <see cref="OutsideRequestException"/> when a page
    /// asked another host for anything.</summary>
    public static IBrowserContext Guard(IBrowserContext context)
    {
        var proxy = DispatchProxy.Create<IBrowserContext, GuardedContext>();
        ((GuardedContext)(object)proxy).Watch(context);
        return proxy;
    }

    /// <summary>Forwards everything to the real context; checks the record when the context is closed.</summary>
    public class GuardedContext : DispatchProxy
    {
        private IBrowserContext inner = null!;
        private readonly ConcurrentQueue<string> outside = new();

        internal void Watch(IBrowserContext context)
        {
            inner = context;
            context.Request += (_, request) =>
            {
                if (IsOutside(request.Url)) outside.Enqueue($"{request.Method} {request.Url} ({request.ResourceType})");
            };
        }

        protected override object? Invoke(MethodInfo? method, object?[]? args)
        {
            ArgumentNullException.ThrowIfNull(method);
            if (method.Name == nameof(IAsyncDisposable.DisposeAsync))
                return new ValueTask(CheckAfterAsync(inner.DisposeAsync().AsTask()));
            if (method.Name == nameof(IBrowserContext.CloseAsync))
                return CheckAfterAsync(inner.CloseAsync((BrowserContextCloseOptions?)args?[0]));
            try
            {
                return method.Invoke(inner, args);
            }
            catch (TargetInvocationException e) when (e.InnerException is not null)
            {
                ExceptionDispatchInfo.Throw(e.InnerException);
                throw;
            }
        }

        private async Task CheckAfterAsync(Task close)
        {
            await close;
            if (!outside.IsEmpty)
                throw new OutsideRequestException(
                    "The pages requested hosts other than the app's:\n  " + string.Join("\n  ", outside.Distinct()));
        }
    }
}

public sealed class OutsideRequestException(string message) : Exception(message);
