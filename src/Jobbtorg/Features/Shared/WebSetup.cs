using Jobbtorg.Features.AccessLog;
using Jobbtorg.Features.Access;
using Microsoft.AspNetCore.Authentication;
using Scalar.AspNetCore;

namespace Jobbtorg.Features.Shared;

/// <summary>What every feature's pages and endpoints stand on: the clock, the UI's words, Razor Pages, the JSON API's
/// error answers and the API reference.</summary>
public static class WebSetup
{
    public static IServiceCollection AddJobbtorgShared(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<Texts>();
        // The sections each feature adds to the case page and the start page (AddSection), in the order they appear.
        services.AddSingleton<PageSections>();
        services.AddOptions<PublicUrlOptions>().BindConfiguration("Jobbtorg").ValidateDataAnnotations().ValidateOnStart();
        return services;
    }

    public static IServiceCollection AddJobbtorgPages(this IServiceCollection services)
    {
        // Length limits on page models (StringLength…) take their messages from the same translations as the rest of the UI.
        services.AddSingleton<Microsoft.Extensions.Localization.IStringLocalizerFactory, TextsLocalizerFactory>();
        services.AddRazorPages(o => o.RootDirectory = "/Features").AddDataAnnotationsLocalization();
        // Swedish letters are written as they are, not as character references.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        // Requests a use case checks are not checked a second time, in part, by the pages (see RequestRules).
        services.PostConfigure<Microsoft.AspNetCore.Mvc.MvcOptions>(o => o.ModelMetadataDetailsProviders.Add(new CheckedByUseCaseMetadataProvider()));
        services.AddOptions<Microsoft.AspNetCore.Mvc.MvcOptions>().Configure<Texts>((o, texts) =>
        {
            // Form values that cannot be read (a malformed date, an unknown choice) are named in the user's language.
            o.ModelBindingMessageProvider.SetAttemptedValueIsInvalidAccessor((value, field) => texts.Format("'{0}' is not a valid value.", value));
            o.ModelBindingMessageProvider.SetValueIsInvalidAccessor(value => texts.Format("'{0}' is not a valid value.", value));
            o.ModelBindingMessageProvider.SetValueMustBeANumberAccessor(field => texts["Enter a number."]);
            // Dates in the accepted range, enumerations by name and text without NUL, in every form and query string.
            o.ModelBinderProviders.Insert(0, new InputBinderProvider());
        });
        return services;
    }

    public static IServiceCollection AddJobbtorgApi(this IServiceCollection services)
    {
        services.AddProblemDetails();
        services.AddExceptionHandler<RuleBrokenExceptionHandler>();
        services.AddValidation();
        services.ConfigureHttpJsonOptions(o => InputJson.Configure(o.SerializerOptions));
        // Unreadable request bodies reach the exception handler, which names the field instead of answering a bare 400.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddJobbtorgApiContract();
        return services;
    }

    /// <summary>The API answers errors with ProblemDetails; pages show the error page.</summary>
    public static void UseJobbtorgErrorAnswers(this WebApplication app)
    {
        app.UseWhen(ctx => ctx.Request.Path.StartsWithSegments("/api"), api =>
        {
            api.UseExceptionHandler();
            api.UseStatusCodePages(ApiStatusProblems.WriteAsync);
        });
        app.UseWhen(ctx => !ctx.Request.Path.StartsWithSegments("/api"), ui =>
        {
            ui.UseExceptionHandler("/Error");
            ui.UseStatusCodePagesWithReExecute("/Error", "?status={0}");
        });
    }

    /// <summary>The API reference's own scripts are served by the library as public files; the reference is for signed-in staff.</summary>
    public static void UseApiReferenceForStaff(this WebApplication app) =>
        app.UseWhen(ctx => ctx.Request.Path.StartsWithSegments("/api/docs"), docs => docs.Use(async (ctx, next) =>
        {
            if (ctx.User.Identity?.IsAuthenticated != true || ctx.User.Identity.AuthenticationType == ApiKeyHandler.SchemeName) await ctx.ChallengeAsync();
            else await next();
        }));

    /// <summary>The OpenAPI document, for staff and any system client, and the API reference, for staff.</summary>
    public static void MapApiReference(this WebApplication app)
    {
        app.MapOpenApi().RequireAuthorization(Policies.StaffOrAnyKey).NoPersonalData();
        app.MapScalarApiReference("/api/docs").RequireAuthorization(Policies.Staff).NoPersonalData();
    }
}
