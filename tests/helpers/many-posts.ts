/** A site of `count` generated posts: math, code, CJK tags and categories, links between posts. */
export function manyPosts(count: number): Record<string, string> {
  const files: Record<string, string> = {};
  const tags = ['自监督学习', '目标检测', 'PyTorch', 'Transformer', '优化', '分布式训练'];
  const categories = ['笔记', '论文', '工程'];
  for (let i = 0; i < count; i++) {
    const day = new Date(Date.UTC(2024, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
    const next = (i + 1) % count;
    files[`content/posts/p${String(i).padStart(4, '0')}.md`] = `---
title: 第 ${i} 篇：关于 ${tags[i % tags.length]} 的笔记
date: ${day}
tags: [${tags[i % tags.length]}, ${tags[(i * 7 + 3) % tags.length]}]
category: ${categories[i % categories.length]}
---

这是第 ${i} 篇文章的摘要，讨论 $x_{${i}}^2$ 与损失函数。

<!-- more -->

## 方法

设 $f(x) = \\sum_{k=1}^{${i % 9 + 2}} w_k x^k$，则

$$
\\nabla_w \\mathcal{L} = \\frac{1}{N} \\sum_{n=1}^{N} (f(x_n) - y_n)\\, x_n
$$

\`\`\`python
def step(w, lr=${(i % 5) / 10 + 0.1}):
    return w - lr * grad(w)
\`\`\`

## 结果

下一篇见 [第 ${next} 篇](./p${String(next).padStart(4, '0')}.md#方法)。
`;
  }
  return files;
}
