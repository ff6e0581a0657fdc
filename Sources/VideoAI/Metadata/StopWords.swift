import VideoCore

extension KeywordExtractor {
    /// Words that never make or join a keyword: English function words, the words of the
    /// narration templates ("Here are six points. First, …") and words any README uses.
    static let stopWords: Set<String> = [
        // Function words.
        "a", "about", "above", "after", "again", "against", "all", "almost", "along", "already", "also",
        "although", "always", "am", "among", "an", "and", "another", "any", "anyone", "anything", "are", "around",
        "as", "at", "away", "back", "be", "because", "been", "before", "being", "below", "between", "both", "but",
        "by", "can", "cannot", "could", "did", "do", "does", "doing", "done", "down", "during", "each", "either",
        "else", "enough", "especially", "etc", "even", "ever", "every", "few", "for", "from", "further", "had",
        "has", "have", "having", "he", "her", "here", "hers", "him", "his", "how", "however", "i", "if", "in",
        "into", "is", "it", "its", "itself", "just", "less", "let", "like", "likely", "may", "me", "might",
        "more", "most", "much", "must", "my", "neither", "never", "no", "nor", "not", "now", "of", "off", "often",
        "on", "once", "one", "only", "onto", "or", "other", "others", "otherwise", "our", "ours", "out", "over",
        "own", "per", "perhaps", "quite", "rather", "really", "same", "several", "shall", "she", "should", "since",
        "so", "some", "something", "still", "such", "than", "that", "the", "their", "theirs", "them", "then",
        "there", "therefore", "these", "they", "this", "those", "though", "through", "thus", "to", "too", "toward",
        "towards", "under", "until", "up", "upon", "us", "very", "via", "was", "we", "well", "were", "what",
        "whatever", "when", "where", "whether", "which", "while", "who", "whom", "whose", "why", "will", "with",
        "within", "without", "would", "yet", "you", "your", "yours", "yourself", "e.g", "i.e", "vs", "it's",
        "don't", "doesn't", "isn't", "aren't", "can't", "won't", "you're", "we're", "they're", "you'll", "we'll",
        "you've", "we've", "that's", "there's", "let's", "i'm", "didn't", "wasn't",
        // Common verbs and fillers that say nothing about a topic.
        "use", "used", "uses", "using", "make", "makes", "made", "making", "get", "gets", "got", "getting", "go",
        "goes", "going", "want", "wants", "need", "needs", "see", "look", "take", "takes", "give", "gives", "put",
        "keep", "new", "many", "way", "ways", "thing", "things", "lot", "lots", "able", "simply", "easy",
        "easily", "good", "great", "best", "better", "first", "second", "third", "fourth", "fifth", "sixth",
        "seventh", "eighth", "last", "next", "finally", "example", "examples", "instead", "allow", "allows",
        "provide", "provides", "provided", "called", "based", "available", "possible", "important", "following",
        "follow", "currently", "today", "time", "times", "note", "yes", "true", "false", "runs", "waits",
        "passes", "owns", "happen", "happens", "reaches", "spreads", "contains", "includes", "returns", "shows",
        "lets", "helps", "works", "means", "becomes", "comes", "starts", "keeps", "built", "written", "known",
        "tend", "tends", "try", "tries", "ensure", "ensures", "whole", "part", "kind", "sort", "started",
        // The narration templates and the adapter's wording.
        "welcome", "thanks", "watching", "point", "points", "run", "command", "commands", "terminal", "code",
        "line", "lines", "long", "website", "continued", "overview", "introduction", "outro", "quote", "consider",
    ]
}
