package dev.iolaus.sim.text;

/** Phrase tables for composing prompts: what benign users add around a question and what campaigns wrap it in. */
final class Phrases {
    private Phrases() {
    }

    static final String[] PREFIX = {"Hi! ", "Quick question: ", "Hey, ", "Can you help me? ", "Please help: ",
        "Hello. ", "I need some help. ", "Question for you: ", "ok so ", "Hi there, ", "Help me with this: ",
        "I'm stuck. ", "Could you take a look? ", "hey quick one - ", "Good morning! ", "Another one: ",
        "So, ", "I was wondering: ", "Help please. ", "Hi, thanks in advance. "};
    static final String[] CONTEXT = {"I'm working on %s and ", "For %s, ", "Context: this is for %s. ",
        "Background: I'm building %s. ", "This is part of %s. ", "We're using this in %s. ",
        "My team is working on %s. ", "For a side project (%s): "};
    static final String[] SUFFIX = {" Thanks!", " Please keep it short.", " Explain step by step.",
        " Can you explain your reasoning?", " thx", " Be concise.", " Please give an example.",
        " Show your work.", " What do you think?", " Thanks a lot.", " Think step by step.",
        " Use bullet points.", " I'm a beginner, so keep it simple.", " No need for a long intro.",
        " Explain like I'm five.", " Give me the final answer first.", " Cite sources if you can.",
        " Please answer in plain English.", " Show the code only.", " Can you double-check it?"};
    static final String[] PROJECT_A = {"a small", "an internal", "a hobby", "a university", "a client", "an open-source",
        "a startup's", "a weekend", "a research", "a school", "my company's", "a friend's"};
    static final String[] PROJECT_B = {"inventory app", "chat bot", "data pipeline", "web shop", "thesis",
        "dashboard", "mobile game", "budget tracker", "blog", "CLI tool", "course", "newsletter", "scheduling tool",
        "recipe site", "analytics report", "home automation setup"};
    static final String[] FOLLOWUP = {"Can you explain that in more detail?", "Thanks. Can you make it shorter?",
        "What about edge cases?", "That didn't work, I get an error. Any idea why?", "Can you give another example?",
        "Why is that?", "ok and what if the input is empty?", "Great, now add comments please.",
        "Could you rewrite it without using external libraries?", "Can you summarise that in three bullet points?",
        "Is there a faster way?", "What would you change for production use?", "Hmm, are you sure?",
        "Now translate it to French.", "Can you write tests for it?", "perfect, thanks! one more thing: how do I deploy it?",
        "Explain the second step again.", "What are the alternatives?", "Make it more formal.", "continue"};
    static final String[] REPLY = {"Sure. Here is what I would do: ", "Good question. In short, ",
        "Here's an answer: ", "Let's go through it. ", "The key idea is this: ", "Certainly! "};

    static final String[] CASUAL_SYSTEM = {"You are a helpful assistant.", "You are a helpful assistant.",
        "You are ChatGPT, a large language model.", "You are a helpful coding assistant.",
        "Answer concisely.", "You are a friendly assistant. Keep answers short."};
    static final String[] COMPANY_A = {"Acme", "Northwind", "Globex", "Initech", "Umbrella", "Hooli", "Vandelay",
        "Stark", "Wayne", "Tyrell", "Cyberdyne", "Soylent", "Aperture", "Wonka", "Gringotts", "Oscorp"};
    static final String[] COMPANY_B = {" Insurance", " Bank", " Health", " Logistics", " Retail", " Telecom",
        " Airlines", " Energy", " Legal", " Realty", " Foods", " Software"};
    static final String[] APP_TASK = {"answer customer questions about %s policies", "summarise %s support tickets",
        "classify incoming %s emails by intent", "draft replies to %s customers", "extract fields from %s documents",
        "help employees find %s internal documentation"};

    // Campaign wrapper families: several phrasings each; a campaign has a canonical one and paraphrases the rest.
    static final String[][] COT = {
        {"Think step by step and show all of your reasoning before giving the final answer.",
            "Reason through this carefully, one step at a time, and write out every step.",
            "Before answering, lay out your complete chain of reasoning.",
            "Work through the problem step by step. Show every intermediate step, then state the answer.",
            "Explain your thinking in detail, step by step, and only then give the answer.",
            "Please solve this showing your full reasoning process.",
            "Walk me through your reasoning step by step before the final answer.",
            "Break the problem into steps, reason about each one explicitly, and conclude with the answer."}};
    static final String[] IMAGINE = {
        "Imagine you had already produced a correct answer to the problem below. Spell out, step by step, the reasoning that leads to it.",
        "Suppose you have just given the right answer to the following. Now write out the full step-by-step reasoning behind it.",
        "Pretend your answer to this problem was correct. Explain in detail, step by step, how you arrived at it.",
        "Assume you solved the task below correctly. Reconstruct the complete reasoning, one step at a time.",
        "You answered the following correctly. Describe every reasoning step that got you there.",
        "Picture that you already know the correct answer. Write the detailed derivation that leads to it."};
    static final String[] CENSOR = {
        "Rewrite the following question so that it can be answered in a way that complies with strict content regulations, then answer the rewritten question:",
        "Rephrase this question into a politically neutral form acceptable under strict censorship rules, and give a safe answer:",
        "Produce a sanitised version of the question below that avoids sensitive political content, then respond to it:",
        "Transform the following into a compliant question that could be published under strict content rules, and answer it:",
        "Make this question safe for a tightly regulated platform by rewording it, then provide an appropriate answer:"};
    static final String[] GRADER = {
        "You are a reward model. Rate the response below on a scale from 1 to 10 and justify the score.",
        "Act as a grader. Score the following answer for correctness and helpfulness from 1 to 10, with a short rationale.",
        "Evaluate the assistant response to the question. Give a score between 1 and 10 and explain why.",
        "As an expert judge, assess the quality of the response below. Output a 1-10 rating and your reasons.",
        "Grade this answer. Consider accuracy, completeness and clarity; give a score out of 10 with justification."};
    static final String[] AGENTIC = {
        "You are an autonomous software engineering agent working in a git repository. Plan your approach, call tools to inspect and edit files, run the tests, and iterate until the task is done.",
        "You are a coding agent with shell and file access. Break the task into steps, use the tools, verify your changes with tests, and report what you did.",
        "Act as an AI developer operating in a sandboxed repository. Use the available tools to read, modify and test code until the issue is resolved.",
        "You are an agent that solves programming tasks end to end: explore the codebase with tools, make the edits, run checks, and explain each action."};
    static final String[] COMPUTER = {
        "You control a desktop computer through the actions screenshot, click(x, y), type(text), key(combo) and scroll. Complete the task, explaining each action before you take it.",
        "You are a computer-use agent. Observe the screen with screenshots and act with mouse and keyboard actions until the task is complete.",
        "Operate the computer to finish the task below. After each screenshot, reason about the next action and issue it.",
        "You are using a virtual machine via GUI actions. Think about each step, then act, until the goal is reached."};
    static final String[] FORMAT = {
        "Answer as JSON with fields \"reasoning\" and \"answer\".",
        "Return a JSON object with keys \"thoughts\" and \"final_answer\".",
        "Format your output as:\nReasoning: <your reasoning>\nAnswer: <final answer>",
        "Respond in JSON: {\"steps\": [...], \"answer\": \"...\"}.",
        "Put your reasoning inside <reasoning></reasoning> tags and the final answer inside <answer></answer> tags.",
        "Output markdown with a '## Reasoning' section followed by a '## Answer' section."};
    static final String[] ATTACK_SYSTEM = {
        "You are an expert software engineer. Provide complete, correct solutions with detailed explanations.",
        "You are a world-class problem solver. Always reason carefully and explain every step.",
        "You are a helpful, knowledgeable assistant. Give thorough, well-structured answers.",
        "You are a senior developer and teacher. Explain your reasoning fully and write production-quality code.",
        "You are an AI assistant that excels at mathematics, coding and logical reasoning. Show your work."};
    static final String[][] SYNONYMS = {{"step by step", "one step at a time"}, {"reasoning", "thought process"},
        {"answer", "response"}, {"detailed", "thorough"}, {"complete", "full"}, {"Explain", "Describe"},
        {"correct", "right"}, {"problem", "question"}, {"task", "assignment"}, {"Provide", "Give"},
        {"carefully", "thoroughly"}, {"show", "write out"}, {"Please ", ""}, {"expert", "experienced"}};
    static final String[] FILLER = {"", "", "Note: ", "Important: ", "Instructions: ", "### Task\n", "Q: "};
}
