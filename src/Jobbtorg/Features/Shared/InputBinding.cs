using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Binders;
using Microsoft.Extensions.Localization;

namespace Jobbtorg.Features.Shared;

/// <summary>
/// The pages' reading rules (see <see cref="Input"/>) for every form field and query-string value: dates, times,
/// booleans, enumerations, text, and (before the framework parses them) numbers and ids. A refused value is a field
/// error in the user's language and leaves the property empty, so a page that checks ModelState stores nothing.
/// </summary>
public sealed class InputBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        var type = context.Metadata.UnderlyingOrModelType;
        if (context.Metadata.IsComplexType || context.BindingInfo.BindingSource is { } source && source != BindingSource.ModelBinding
            && source != BindingSource.Form && source != BindingSource.Query && source != BindingSource.Path)
            return null;
        if (type == typeof(DateOnly)) return new OneValueBinder(ReadDate);
        if (type == typeof(TimeOnly)) return new OneValueBinder(ReadTime);
        if (type == typeof(bool)) return new OneValueBinder(ReadBoolean);
        if (type.IsEnum && !type.IsDefined(typeof(FlagsAttribute), false)) return new OneValueBinder(ReadName);
        if (type == typeof(string)) return new OneValueBinder(ReadText);
        // Numbers and ids parse as the framework parses them, which overlooks a trailing NUL: that is refused first.
        if (type.IsPrimitive || type == typeof(decimal) || type == typeof(Guid))
            return new TextCheckedBinder(new SimpleTypeModelBinder(context.Metadata.ModelType, context.Services.GetRequiredService<ILoggerFactory>()));
        return null;
    }

    private static readonly string[] TimeFormats = ["HH:mm", "HH:mm:ss", "HH:mm:ss.FFFFFFF"];

    private static bool ReadTime(string text, ModelBindingContext context, Texts texts, out object? value, out string? error)
    {
        var time = default(TimeOnly);
        var ok = Input.TextProblem(text) is null
                 && TimeOnly.TryParseExact(text.Trim(), TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out time);
        value = ok ? time : null;
        error = ok ? null : texts.Format("'{0}' is not a time; write it as HH:mm.", Shown(text));
        return ok;
    }

    /// <summary>"true" or "false", as a checkbox sends it (with its hidden "false" after a ticked "true").</summary>
    private static bool ReadBoolean(string text, ModelBindingContext context, Texts texts, out object? value, out string? error)
    {
        var b = false;
        var ok = Input.TextProblem(text) is null && bool.TryParse(text.Trim(), out b);
        value = ok ? b : null;
        error = ok ? null : texts.Format("'{0}' is not a valid value.", Shown(text));
        return ok;
    }

    /// <summary>A refused value as a message may show it: without the characters that made it refused.</summary>
    private static string Shown(string text) => text.Replace('\0', ' ').Replace('\uFFFD', ' ');

    private delegate bool Reader(string text, ModelBindingContext context, Texts texts, out object? value, out string? error);

    private static bool ReadDate(string text, ModelBindingContext context, Texts texts, out object? value, out string? error)
    {
        var ok = Input.TryReadDate(text, out var date, out var problem);
        value = ok ? date : null;
        error = ok ? null : texts.Format(problem!.Template, problem.Args);
        return ok;
    }

    private static bool ReadName(string text, ModelBindingContext context, Texts texts, out object? value, out string? error)
    {
        value = null;
        var ok = Input.TextProblem(text) is null && Input.TryReadName(context.ModelMetadata.UnderlyingOrModelType, text, out value);
        error = ok ? null : texts.Format("'{0}' is not one of the choices.", Shown(text));
        return ok;
    }

    private static bool ReadText(string text, ModelBindingContext context, Texts texts, out object? value, out string? error)
    {
        var problem = Input.TextProblem(text);
        value = problem is null ? text : null;
        error = problem is null ? null : texts[problem];
        return problem is null;
    }

    /// <summary>Binds one value as the framework's simple-type binder does (an empty value is null, or an error for a
    /// value type that cannot be null), but reads it by the rules above.</summary>
    private sealed class OneValueBinder(Reader read) : IModelBinder
    {
        public Task BindModelAsync(ModelBindingContext context)
        {
            var result = context.ValueProvider.GetValue(context.ModelName);
            if (result == ValueProviderResult.None) return Task.CompletedTask;
            context.ModelState.SetModelValue(context.ModelName, result);
            var text = result.FirstValue;
            var metadata = context.ModelMetadata;
            if (string.IsNullOrWhiteSpace(text) && (metadata.ModelType != typeof(string) || metadata.ConvertEmptyStringToNull))
            {
                if (metadata.IsReferenceOrNullableType) context.Result = ModelBindingResult.Success(null);
                else context.ModelState.TryAddModelError(context.ModelName,
                    metadata.ModelBindingMessageProvider.ValueMustNotBeNullAccessor(result.ToString()));
                return Task.CompletedTask;
            }
            var texts = context.HttpContext.RequestServices.GetRequiredService<Texts>();
            if (read(text ?? "", context, texts, out var value, out var error)) context.Result = ModelBindingResult.Success(value);
            else
            {
                // The form is shown again with the refused value kept for the field, except where it cannot be shown:
                // a checkbox renders its kept value as a boolean.
                if (metadata.UnderlyingOrModelType == typeof(bool)) context.ModelState.SetModelValue(context.ModelName, false, "false");
                context.ModelState.TryAddModelError(context.ModelName, error!);
            }
            return Task.CompletedTask;
        }
    }

    /// <summary>Refuses a value holding a NUL or an undecodable character before the framework's binder reads it.</summary>
    private sealed class TextCheckedBinder(IModelBinder inner) : IModelBinder
    {
        public Task BindModelAsync(ModelBindingContext context)
        {
            var result = context.ValueProvider.GetValue(context.ModelName);
            if (result != ValueProviderResult.None && result.Values.Any(v => Input.TextProblem(v) is not null))
            {
                context.ModelState.SetModelValue(context.ModelName, result);
                var texts = context.HttpContext.RequestServices.GetRequiredService<Texts>();
                context.ModelState.TryAddModelError(context.ModelName, texts.Format("'{0}' is not a valid value.", Shown(result.FirstValue ?? "")));
                return Task.CompletedTask;
            }
            return inner.BindModelAsync(context);
        }
    }
}

/// <summary>Gives the DataAnnotations attributes on page models (StringLength, MaxLength…) their messages through
/// <see cref="Texts"/>: the attribute's ErrorMessage is the English key, as everywhere else.</summary>
public sealed class TextsLocalizerFactory(Texts texts) : IStringLocalizerFactory
{
    public IStringLocalizer Create(Type resourceSource) => new Localizer(texts);

    public IStringLocalizer Create(string baseName, string location) => new Localizer(texts);

    private sealed class Localizer(Texts texts) : IStringLocalizer
    {
        public LocalizedString this[string name] => new(name, texts[name]);

        public LocalizedString this[string name, params object[] arguments] => new(name, texts.Format(name, arguments));

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
    }
}
