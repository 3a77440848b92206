using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Jobbtorg.Features.Shared;

/// <summary>
/// The pages' reading rules (see <see cref="Input"/>) for every form field and query-string value: dates, enumerations
/// and text. A refused value is a field error in the user's language and leaves the property empty, so a page that
/// checks ModelState stores nothing.
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
        if (type.IsEnum && !type.IsDefined(typeof(FlagsAttribute), false)) return new OneValueBinder(ReadName);
        if (type == typeof(string)) return new OneValueBinder(ReadText);
        return null;
    }

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
        var ok = Input.TryReadName(context.ModelMetadata.UnderlyingOrModelType, text, out value);
        error = ok ? null : texts.Format("'{0}' is not one of the choices.", text);
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
            else context.ModelState.TryAddModelError(context.ModelName, error!);
            return Task.CompletedTask;
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
